package embedded

import (
	"context"
	"time"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"passerelle/search"
)

// Search answers a query.
func (e *Engine) Search(ctx context.Context, q search.Query) (*search.Result, error) {
	start := time.Now()
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	req, err := request(q)
	if err != nil {
		return nil, err
	}
	resp, err := e.index.SearchInContext(ctx, req)
	if err != nil {
		return nil, wrap(err)
	}
	fragments, err := e.highlight(ctx, q, resp.Hits)
	if err != nil {
		return nil, err
	}
	res := &search.Result{Total: int(resp.Total), Page: q.Page, PerPage: q.PerPage, Facets: facets(resp.Facets, q.Facets)}
	if res.Hits, err = hits(resp.Hits, fragments); err != nil {
		return nil, err
	}
	search.WithDistances(res.Hits, q.Near)
	res.Took = time.Since(start)
	return res, nil
}

func request(q search.Query) (*bleve.SearchRequest, error) {
	order, err := sortOrder(q)
	if err != nil {
		return nil, err
	}
	_, byScore := order[0].(*bsearch.SortScore)
	req := bleve.NewSearchRequestOptions(match(q, byScore), q.PerPage, q.Offset(), false)
	req.Fields = []string{fieldSource}
	for _, name := range q.Facets {
		req.AddFacet(name, bleve.NewFacetRequest(name, search.MaxFacetValues))
	}
	req.SortByCustom(order)
	if !byScore {
		req.Score = "none" // scores would be computed for nothing
	}
	return req, nil
}

// highlight marks the text's words in the titles and descriptions of the
// page's hits, by their IDs. Asking the main search for highlights made
// every term searcher read and merge the positions of every candidate, a
// third of a query's time at 100 000 offers (see docs/BENCHMARKS.md); this
// second search reads them for one page of offers, with the same analysis.
func (e *Engine) highlight(ctx context.Context, q search.Query, page bsearch.DocumentMatchCollection) (map[string]bsearch.FieldFragmentMap, error) {
	text := textQuery(q.Text)
	if text == nil || len(page) == 0 {
		return nil, nil
	}
	ids := make([]string, len(page))
	for i, m := range page {
		ids[i] = m.ID
	}
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(bleve.NewDocIDQuery(ids), text), len(ids), 0, false)
	req.Highlight = bleve.NewHighlightWithStyle("html")
	req.Highlight.Fields = []string{fieldTitle, fieldDescription}
	resp, err := e.index.SearchInContext(ctx, req)
	if err != nil {
		return nil, wrap(err)
	}
	out := make(map[string]bsearch.FieldFragmentMap, len(resp.Hits))
	for _, m := range resp.Hits {
		out[m.ID] = m.Fragments
	}
	return out, nil
}

// match scores offers on the text only; filters never change the score.
// The radius, the dearest filter, is checked last, on what the rest kept.
func match(q search.Query, scored bool) query.Query {
	m := combine(textQuery(q.Text), filters(q), scored)
	if q.Near != nil && q.RadiusKm > 0 {
		return withinRadius{inner: m, center: *q.Near, km: q.RadiusKm}
	}
	return m
}

// combine requires the text and every restriction. Unscored, all go into one
// conjunction, which Bleve walks from its rarest part and advances the
// others to: the text's phrases and typos are checked only on the offers
// the filters keep (at 100 000 offers, a third of the full query's time went
// to text matches the filters then dropped). Scored, the filters stay out of
// the score as a boolean query's filter.
func combine(text query.Query, restrictions []query.Query, scored bool) query.Query {
	switch {
	case text == nil && len(restrictions) == 0:
		return bleve.NewMatchAllQuery()
	case text == nil:
		return bleve.NewConjunctionQuery(restrictions...)
	case !scored:
		return bleve.NewConjunctionQuery(append(restrictions, text)...)
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(text)
	if len(restrictions) > 0 {
		b.AddFilter(bleve.NewConjunctionQuery(restrictions...))
	}
	return b
}

// sortOrder breaks ties by ID, as the Meilisearch adapter does.
func sortOrder(q search.Query) (bsearch.SortOrder, error) {
	byID := &bsearch.SortDocID{}
	switch {
	case q.Sort == search.SortDistance:
		geo, err := bsearch.NewSortGeoDistance(fieldGeo, "km", q.Near.Lng, q.Near.Lat, false)
		return bsearch.SortOrder{geo, byID}, err
	case q.Sort == search.SortStartDate:
		return bsearch.SortOrder{&bsearch.SortField{Field: fieldStart, Type: bsearch.SortFieldAsDate}, byID}, nil
	case q.Sort == search.SortNewest || !search.HasWords(q.Text):
		return bsearch.SortOrder{&bsearch.SortField{Field: fieldPublished, Desc: true, Type: bsearch.SortFieldAsDate}, byID}, nil
	}
	return bsearch.SortOrder{&bsearch.SortScore{Desc: true}, byID}, nil
}
