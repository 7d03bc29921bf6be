package bench

import (
	"math/rand/v2"

	"passerelle/search"
	"passerelle/search/sample"
)

// Kinds of query, from the cheapest to what the search page sends.
const (
	KindText              = "text"
	KindTextFilters       = "text+filters"
	KindTextFiltersRadius = "text+filters+radius"
	KindFull              = "text+filters+radius+facets+sort"
)

// Kinds lists the kinds in the order of the report.
var Kinds = []string{KindText, KindTextFilters, KindTextFiltersRadius, KindFull}

// Query is one query of the mix, with its kind.
type Query struct {
	Kind  string
	Query search.Query
}

var (
	words = []string{"boulangerie", "developpeur", "animatrice", "crèche", "boulangre", "cuisinier",
		"vendeuse", "informatique", "aide-soignant", "apprentissage"}
	typeSets = [][]string{{"apprenticeship"}, {"apprenticeship", "professionalisation"}, {"job"},
		{"internship_3e", "internship_2nde"}}
	places = sample.Places()
)

// Mix returns n queries, the same for every run, a quarter of each kind.
func Mix(n int) []Query {
	rng := rand.New(rand.NewPCG(92, 1000))
	out := make([]Query, n)
	for i := range out {
		kind := Kinds[i%len(Kinds)]
		out[i] = Query{Kind: kind, Query: build(kind, rng)}
	}
	return out
}

func build(kind string, rng *rand.Rand) search.Query {
	q := search.Query{Text: words[rng.IntN(len(words))]}
	if kind == KindText {
		return q
	}
	q.Types, q.Age = typeSets[rng.IntN(len(typeSets))], 14+rng.IntN(12)
	if kind == KindTextFilters {
		return q
	}
	// Around a commune, within one of the radii the page offers, as people search.
	near := places[rng.IntN(len(places))].Point
	q.Near, q.RadiusKm = &near, search.RadiusSteps[1+rng.IntN(3)]
	if kind == KindFull {
		q.Facets, q.Sort = search.FilterFacets, search.SortDistance
	}
	return q
}
