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
	res := &search.Result{Total: int(resp.Total), Page: q.Page, PerPage: q.PerPage, Facets: facets(resp.Facets, q.Facets)}
	if res.Hits, err = hits(resp.Hits); err != nil {
		return nil, err
	}
	search.WithDistances(res.Hits, q.Near)
	res.Took = time.Since(start)
	return res, nil
}

func request(q search.Query) (*bleve.SearchRequest, error) {
	req := bleve.NewSearchRequestOptions(match(q), q.PerPage, q.Offset(), false)
	req.Fields = []string{fieldSource}
	req.Highlight = bleve.NewHighlightWithStyle("html")
	req.Highlight.Fields = []string{fieldTitle, fieldDescription}
	for _, name := range q.Facets {
		req.AddFacet(name, bleve.NewFacetRequest(name, search.MaxFacetValues))
	}
	order, err := sortOrder(q)
	if err != nil {
		return nil, err
	}
	req.SortByCustom(order)
	if _, byScore := order[0].(*bsearch.SortScore); !byScore {
		req.Score = "none" // scores would be computed for nothing
	}
	return req, nil
}

// match scores offers on the text only; filters never change the score.
// The radius, the dearest filter, is checked last, on what the rest kept.
func match(q search.Query) query.Query {
	m := combine(textQuery(q.Text), filters(q))
	if q.Near != nil && q.RadiusKm > 0 {
		return withinRadius{inner: m, center: *q.Near, km: q.RadiusKm}
	}
	return m
}

func combine(text query.Query, restrictions []query.Query) query.Query {
	switch {
	case text == nil && len(restrictions) == 0:
		return bleve.NewMatchAllQuery()
	case text == nil:
		return bleve.NewConjunctionQuery(restrictions...)
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
