package search

import (
	"cmp"
	"slices"
	"time"
	"unicode/utf8"
)

// Sort orders the hits of a query.
type Sort string

const (
	SortRelevance Sort = "relevance"
	SortDistance  Sort = "distance"
	SortStartDate Sort = "start_date"
	SortNewest    Sort = "newest"
)

// Facet names, which are also the filterable fields of both engines.
const (
	FacetType          = "type"
	FacetSubdomain     = "subdomain"
	FacetTensionFamily = "tension_family"
	FacetESS           = "ess"
	FacetCommune       = "commune_code"
	FacetAccessible    = "accessible"
	FacetRemote        = "remote"
	FacetROME          = "rome_codes" // an offer counts once for each of its ROME codes
	FacetTerms         = "terms"      // the index's own vocabulary: see OfferTerms
)

// Facets lists every facet a query may ask for.
var Facets = []string{FacetType, FacetSubdomain, FacetTensionFamily, FacetESS, FacetCommune,
	FacetAccessible, FacetRemote, FacetROME, FacetTerms}

// FilterFacets are the facets a search page offers as filters, with their
// counts: the sub-domain and remote facets are left to the API.
var FilterFacets = []string{FacetType, FacetTensionFamily, FacetESS, FacetCommune, FacetAccessible}

// Limits of a query, shared by both engines.
const (
	DefaultPerPage = 20
	MaxPerPage     = 100
	MaxDepth       = 10000 // deepest hit reachable through pagination
	MaxRadiusKm    = 200.0
	MaxTextRunes   = 200
	MaxFacetValues = 5000 // enough for every term of the vocabulary
)

// Query is everything a search page asks for, in one call. Empty filters do
// not restrict; values within one filter are alternatives; filters combine.
type Query struct {
	Text            string
	Types           []string
	Subdomains      []string
	TensionFamilies []string
	ROMECodes       []string
	ESS             *bool
	CommuneCodes    []string
	Age             int       // searcher's age: an offer matches when AgeMin <= Age <= AgeMax
	StartFrom       time.Time // offers starting on or after
	StartTo         time.Time // offers starting on or before
	Accessible      bool      // only offers accessible to people with disabilities
	Remote          bool      // only offers that can be done remotely
	Near            *Point
	RadiusKm        float64 // needs Near; 0 means no radius
	Sort            Sort    // empty means relevance
	Page            int     // from 1; 0 means 1
	PerPage         int     // 0 means DefaultPerPage
	Facets          []string
}

// Normalize returns the query with its defaults filled in, or a *QueryError
// naming the first parameter the engines cannot honour.
func (q Query) Normalize() (Query, error) {
	q.Sort = cmp.Or(q.Sort, SortRelevance)
	q.Page = cmp.Or(q.Page, 1)
	q.PerPage = cmp.Or(q.PerPage, DefaultPerPage)
	for _, check := range []func() *QueryError{q.checkText, q.checkPaging, q.checkGeo, q.checkSort,
		q.checkFilters, q.checkFacets} {
		if err := check(); err != nil {
			return q, err
		}
	}
	return q, nil
}

// Offset is the number of hits before the current page.
func (q Query) Offset() int {
	return (q.Page - 1) * q.PerPage
}

func (q Query) checkText() *QueryError {
	if utf8.RuneCountInString(q.Text) > MaxTextRunes {
		return invalid("text", "longer than %d characters", MaxTextRunes)
	}
	return nil
}

func (q Query) checkPaging() *QueryError {
	switch {
	case q.Page < 1:
		return invalid("page", "must be 1 or more, got %d", q.Page)
	case q.PerPage < 1 || q.PerPage > MaxPerPage:
		return invalid("per_page", "must be between 1 and %d, got %d", MaxPerPage, q.PerPage)
	case q.Page*q.PerPage > MaxDepth:
		return invalid("page", "only the first %d hits can be paged through", MaxDepth)
	}
	return nil
}

func (q Query) checkGeo() *QueryError {
	switch {
	case q.Near != nil && !q.Near.valid():
		return invalid("near", "latitude or longitude out of range")
	case q.RadiusKm < 0 || q.RadiusKm > MaxRadiusKm:
		return invalid("radius_km", "must be between 0 and %g, got %g", MaxRadiusKm, q.RadiusKm)
	case q.RadiusKm > 0 && q.Near == nil:
		return invalid("radius_km", "a radius needs a point or a commune to be around")
	}
	return nil
}

func (q Query) checkSort() *QueryError {
	switch {
	case !slices.Contains([]Sort{SortRelevance, SortDistance, SortStartDate, SortNewest}, q.Sort):
		return invalid("sort", "unknown sort %q", q.Sort)
	case q.Sort == SortDistance && q.Near == nil:
		return invalid("sort", "sorting by distance needs a point or a commune")
	}
	return nil
}

func (q Query) checkFilters() *QueryError {
	switch {
	case q.Age < 0 || q.Age > 120:
		return invalid("age", "must be between 0 and 120, got %d", q.Age)
	case !q.StartFrom.IsZero() && !q.StartTo.IsZero() && q.StartTo.Before(q.StartFrom):
		return invalid("start_to", "the window ends before it starts")
	}
	return nil
}

func (q Query) checkFacets() *QueryError {
	for _, f := range q.Facets {
		if !slices.Contains(Facets, f) {
			return invalid("facets", "unknown facet %q", f)
		}
	}
	return nil
}

// ListFilter is a filter whose field must take one of the values.
type ListFilter struct {
	Field  string
	Values []string
}

// ListFilters returns the query's non-empty list filters in a fixed order.
func ListFilters(q Query) []ListFilter {
	var filters []ListFilter
	for _, f := range []ListFilter{{FacetType, q.Types}, {FacetSubdomain, q.Subdomains},
		{FacetTensionFamily, q.TensionFamilies}, {FacetCommune, q.CommuneCodes}, {FacetROME, q.ROMECodes}} {
		if len(f.Values) > 0 {
			filters = append(filters, f)
		}
	}
	return filters
}
