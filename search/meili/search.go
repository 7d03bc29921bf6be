package meili

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"passerelle/search"
)

// response is the part of Meilisearch's answer the adapter reads, decoded
// in one pass: the client's generic hits would be decoded twice.
type response struct {
	Hits              []document                `json:"hits"`
	TotalHits         int                       `json:"totalHits"`
	FacetDistribution map[string]map[string]int `json:"facetDistribution"`
}

// Search answers a query in one request to the server.
func (e *Engine) Search(ctx context.Context, q search.Query) (*search.Result, error) {
	start := time.Now()
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	raw, err := e.index.SearchRaw(ctx, rewrite(q.Text), e.request(q))
	if err != nil {
		return nil, wrap(err)
	}
	var resp response
	if err := json.Unmarshal(*raw, &resp); err != nil {
		return nil, fmt.Errorf("meili: decode search response: %w", err)
	}
	res := &search.Result{Total: resp.TotalHits, Page: q.Page, PerPage: q.PerPage,
		Hits: make([]search.Hit, len(resp.Hits)), Facets: facets(resp.FacetDistribution, q.Facets)}
	marks := search.NewHighlighter(q.Text)
	for i, d := range resp.Hits {
		o := d.offer()
		res.Hits[i] = search.Hit{Offer: o, Title: marks.Title(o.Title), Snippet: marks.Snippet(o.Description)}
	}
	search.WithDistances(res.Hits, q.Near)
	res.Took = time.Since(start)
	return res, nil
}

func (e *Engine) request(q search.Query) *meilisearch.SearchRequest {
	perPage := int64(q.PerPage)
	return &meilisearch.SearchRequest{
		Page: int64(q.Page), HitsPerPage: &perPage, AttributesToRetrieve: retrieved,
		Filter: filter(q, e.at), Sort: sort(q, e.at), Facets: q.Facets,
		MatchingStrategy: meilisearch.All, // the marks are drawn by search.Highlighter
	}
}

// facets gives every facet asked for a map, even when nothing matched.
func facets(got map[string]map[string]int, asked []string) map[string]map[string]int {
	if len(asked) == 0 {
		return nil
	}
	out := make(map[string]map[string]int, len(asked))
	for _, name := range asked {
		out[name] = got[name]
		if out[name] == nil {
			out[name] = map[string]int{}
		}
	}
	return out
}
