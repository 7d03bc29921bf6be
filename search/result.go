package search

import (
	"html/template"
	"time"
)

// Result is one page of hits with everything a search page shows.
type Result struct {
	Hits    []Hit
	Total   int // hits matching the query, all pages together
	Page    int
	PerPage int
	// Facets maps a requested facet to its values and their counts among
	// all the hits; booleans count as "true" and "false".
	Facets map[string]map[string]int
	Took   time.Duration // measured end to end by the adapter
}

// Hit is one offer found, with its matches highlighted.
type Hit struct {
	Offer Offer
	// Title and Snippet are HTML-escaped with matched words in <mark>;
	// Snippet is a short extract of the description.
	Title   template.HTML
	Snippet template.HTML
	// DistanceKm is set when the query has a point.
	DistanceKm *float64
}

// WithDistances fills DistanceKm of every hit when the query has a point.
func WithDistances(hits []Hit, near *Point) {
	if near == nil {
		return
	}
	for i := range hits {
		d := DistanceKm(*near, hits[i].Offer.Point())
		hits[i].DistanceKm = &d
	}
}
