package embedded

import (
	"context"

	"github.com/blevesearch/bleve/v2/geo"
	"github.com/blevesearch/bleve/v2/mapping"
	bnumeric "github.com/blevesearch/bleve/v2/numeric"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"

	"passerelle/search"
)

// withinRadius keeps the hits of inner that lie within km of center. It
// reads the point of each hit of inner only, once the text and the other
// filters have matched. Bleve's own geo query walks every geohash cell of the
// circle first, which on a dense département cost more than all the rest of
// the query (see docs/BENCHMARKS.md).
type withinRadius struct {
	inner  query.Query
	center search.Point
	km     float64
}

func (q withinRadius) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping,
	options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	inner, err := q.inner.Searcher(ctx, i, m, options)
	if err != nil {
		return nil, err
	}
	points, err := i.DocValueReader([]string{fieldGeo})
	if err != nil {
		return nil, err
	}
	var point search.Point
	var found bool
	visit := func(_ string, term []byte) {
		coded := bnumeric.PrefixCoded(term)
		if shift, err := coded.Shift(); found || err != nil || shift != 0 {
			return // only full-precision terms hold the point
		}
		if hash, err := coded.Int64(); err == nil {
			point = search.Point{Lat: geo.MortonUnhashLat(uint64(hash)), Lng: geo.MortonUnhashLon(uint64(hash))}
			found = true
		}
	}
	return searcher.NewFilteringSearcher(ctx, inner, func(_ *bsearch.SearchContext, d *bsearch.DocumentMatch) bool {
		found = false
		return points.VisitDocValues(d.IndexInternalID, visit) == nil && found && search.DistanceKm(q.center, point) <= q.km
	}), nil
}
