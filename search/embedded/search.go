package embedded

import (
	"context"
	"time"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"passerelle/search"
)

// Search answers a query: Bleve matches the text and the filters, the
// collection does the rest with the offers' facts (see facts), then a second
// search reads the page's offers.
func (e *Engine) Search(ctx context.Context, q search.Query) (*search.Result, error) {
	start := time.Now()
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	key := cacheKey(q)
	cached, generation := e.cache.get(key)
	if cached != nil {
		cached.Took = time.Since(start)
		return cached, nil
	}
	byScore := scored(q)
	e.facts.mu.RLock()
	found := newCollection(e.facts, q)
	req := bleve.NewSearchRequestOptions(collecting{inner: match(q, byScore), into: found}, 0, 0, false)
	if !byScore {
		req.Score = "none" // scores would be computed for nothing
	}
	_, err = e.index.SearchInContext(ctx, req)
	if err == nil {
		err = found.err
	}
	e.facts.mu.RUnlock()
	if err != nil {
		return nil, wrap(err)
	}
	res := &search.Result{Total: found.total, Page: q.Page, PerPage: q.PerPage, Facets: found.facets()}
	if res.Hits, err = e.page(ctx, q, found.page()); err != nil {
		return nil, err
	}
	search.WithDistances(res.Hits, q.Near)
	e.cache.put(key, generation, res)
	res.Took = time.Since(start)
	return res, nil
}

// page reads the offers of the page by their IDs, and marks the text's
// words in their titles and descriptions.
func (e *Engine) page(ctx context.Context, q search.Query, ids []string) ([]search.Hit, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = []string{fieldSource}
	req.Score = "none"
	resp, err := e.index.SearchInContext(ctx, req)
	if err != nil {
		return nil, wrap(err)
	}
	byID := make(map[string]*bsearch.DocumentMatch, len(resp.Hits))
	for _, m := range resp.Hits {
		byID[m.ID] = m
	}
	var ordered bsearch.DocumentMatchCollection
	for _, id := range ids {
		if m, ok := byID[id]; ok { // else deleted since
			ordered = append(ordered, m)
		}
	}
	return hits(ordered, search.NewHighlighter(q.Text))
}

// match scores offers on the text only; filters never change the score.
// The radius is the collection's (see collect.go).
func match(q search.Query, scored bool) query.Query {
	return combine(textQuery(q.Text), filters(q), scored)
}

// combine requires the text and every restriction. Unscored, all go into one
// conjunction: when each of its parts is a term or a disjunction of terms
// (the text's words, typos and synonyms, the filters; see all), Bleve reads
// it as one bitmap, the AND of its parts' ORs, and walks only the offers
// that match it all (at 100 000 offers this took the full query from about
// 10 to 3.5 ms of CPU, see docs/BENCHMARKS.md). Scored, the filters stay out of
// the score as a boolean query's filter.
func combine(text query.Query, restrictions []query.Query, scored bool) query.Query {
	switch {
	case text == nil && len(restrictions) == 0:
		return bleve.NewMatchAllQuery()
	case text == nil:
		return all(restrictions)
	case !scored:
		return bleve.NewConjunctionQuery(append(restrictions, text)...)
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(text)
	if len(restrictions) > 0 {
		b.AddFilter(all(restrictions))
	}
	return b
}
