package embedded

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"passerelle/search"
)

// filters returns one query per filter of q; an offer must match them all.
func filters(q search.Query) []query.Query {
	var out []query.Query
	for _, f := range search.ListFilters(q) {
		out = append(out, anyTerm(f.Field, f.Values))
	}
	if q.ESS != nil {
		out = append(out, boolIs(search.FacetESS, *q.ESS))
	}
	if q.Accessible {
		out = append(out, boolIs(search.FacetAccessible, true))
	}
	if q.Remote {
		out = append(out, boolIs(search.FacetRemote, true))
	}
	if q.Age > 0 {
		age, inclusive := float64(q.Age), true
		out = append(out, numeric(fieldAgeMin, nil, &age, &inclusive), numeric(fieldAgeMax, &age, nil, &inclusive))
	}
	if !q.StartFrom.IsZero() || !q.StartTo.IsZero() {
		inclusive := true
		r := bleve.NewDateRangeInclusiveQuery(q.StartFrom, q.StartTo, &inclusive, &inclusive)
		r.SetField(fieldStart)
		out = append(out, r)
	}
	return out
}

// anyTerm matches one of values; one value is its term alone (see all).
func anyTerm(field string, values []string) query.Query {
	terms := make([]query.Query, len(values))
	for i, v := range values {
		t := bleve.NewTermQuery(v)
		t.SetField(field)
		terms[i] = t
	}
	if len(terms) == 1 {
		return terms[0]
	}
	return bleve.NewDisjunctionQuery(terms...)
}

func boolIs(field string, value bool) query.Query {
	b := bleve.NewBoolFieldQuery(value)
	b.SetField(field)
	return b
}

func numeric(field string, lo, hi *float64, inclusive *bool) query.Query {
	n := bleve.NewNumericRangeInclusiveQuery(lo, hi, inclusive, inclusive)
	n.SetField(field)
	return n
}
