package meili

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"passerelle/search"
)

// cropWords is the length of the description snippet.
const cropWords = 30

// Search answers a query in one request to the server.
func (e *Engine) Search(ctx context.Context, q search.Query) (*search.Result, error) {
	start := time.Now()
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	resp, err := e.index.Search(ctx, rewrite(q.Text), request(q))
	if err != nil {
		return nil, wrap(err)
	}
	res := &search.Result{Total: int(resp.TotalHits), Page: q.Page, PerPage: q.PerPage}
	if res.Hits, err = hits(resp.Hits); err != nil {
		return nil, err
	}
	search.WithDistances(res.Hits, q.Near)
	if res.Facets, err = facets(resp.FacetDistribution, q.Facets); err != nil {
		return nil, err
	}
	res.Took = time.Since(start)
	return res, nil
}

func request(q search.Query) *meilisearch.SearchRequest {
	perPage := int64(q.PerPage)
	return &meilisearch.SearchRequest{
		Page: int64(q.Page), HitsPerPage: &perPage,
		Filter: filter(q), Sort: sort(q), Facets: q.Facets,
		MatchingStrategy:      meilisearch.All,
		AttributesToHighlight: []string{"title", "description"},
		AttributesToCrop:      []string{"description"}, CropLength: cropWords, CropMarker: "…",
		HighlightPreTag: search.MatchStart, HighlightPostTag: search.MatchEnd,
	}
}

type formatted struct {
	Title       string `json:"title"`
	Description string `json:"description"`
}

func hits(raw meilisearch.Hits) ([]search.Hit, error) {
	out := make([]search.Hit, len(raw))
	for i, h := range raw {
		var doc document
		var f formatted
		if err := h.DecodeInto(&doc); err != nil {
			return nil, fmt.Errorf("meili: decode hit: %w", err)
		}
		if err := json.Unmarshal(h["_formatted"], &f); err != nil {
			return nil, fmt.Errorf("meili: decode highlights: %w", err)
		}
		out[i] = search.Hit{Offer: doc.offer(), Title: search.Marked(f.Title), Snippet: search.Marked(f.Description)}
	}
	return out, nil
}

func facets(raw json.RawMessage, asked []string) (map[string]map[string]int, error) {
	if len(asked) == 0 {
		return nil, nil
	}
	out := make(map[string]map[string]int, len(asked))
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &out); err != nil {
			return nil, fmt.Errorf("meili: decode facets: %w", err)
		}
	}
	for _, name := range asked {
		if out[name] == nil {
			out[name] = map[string]int{}
		}
	}
	return out, nil
}
