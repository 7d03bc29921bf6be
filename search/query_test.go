package search_test

import (
	"errors"
	"testing"
	"time"

	"passerelle/search"
)

func TestNormalizeFillsDefaults(t *testing.T) {
	q, err := search.Query{Text: "boulanger"}.Normalize()
	if err != nil {
		t.Fatal(err)
	}
	if q.Page != 1 || q.PerPage != search.DefaultPerPage || q.Sort != search.SortRelevance || q.Offset() != 0 {
		t.Errorf("defaults: page %d, per page %d, sort %q, offset %d", q.Page, q.PerPage, q.Sort, q.Offset())
	}
	if q, _ = (search.Query{Page: 3, PerPage: 10}).Normalize(); q.Offset() != 20 {
		t.Errorf("offset of page 3 by 10 = %d, want 20", q.Offset())
	}
}

func TestNormalizeRejects(t *testing.T) {
	near := &search.Point{Lat: 48.89, Lng: 2.2}
	now := time.Now()
	for field, q := range map[string]search.Query{
		"text":      {Text: string(make([]rune, search.MaxTextRunes+1))},
		"page":      {Page: search.MaxDepth/search.DefaultPerPage + 1},
		"per_page":  {PerPage: -1},
		"near":      {Near: &search.Point{Lat: 10, Lng: 181}},
		"radius_km": {Near: near, RadiusKm: search.MaxRadiusKm + 1},
		"sort":      {Sort: "random"},
		"age":       {Age: 121},
		"start_to":  {StartFrom: now, StartTo: now.Add(-time.Hour)},
		"facets":    {Facets: []string{search.FacetType, "title"}},
	} {
		_, err := q.Normalize()
		var qerr *search.QueryError
		if !errors.As(err, &qerr) || qerr.Field != field || qerr.Reason == "" {
			t.Errorf("%s: error %v, want a *QueryError on that field", field, err)
		}
	}
}

func TestNormalizeAccepts(t *testing.T) {
	near := &search.Point{Lat: 48.89, Lng: 2.2}
	for _, q := range []search.Query{
		{Near: near, Sort: search.SortDistance},
		{Near: near, RadiusKm: search.MaxRadiusKm},
		{Page: search.MaxDepth / search.MaxPerPage, PerPage: search.MaxPerPage},
		{Facets: search.Facets, Age: 14, StartFrom: time.Now()},
	} {
		if _, err := q.Normalize(); err != nil {
			t.Errorf("%+v: %v", q, err)
		}
	}
}

func TestListFiltersKeepsOrderAndSkipsEmpty(t *testing.T) {
	got := search.ListFilters(search.Query{CommuneCodes: []string{"92050"}, Types: []string{"job"}, Subdomains: []string{}})
	if len(got) != 2 || got[0].Field != search.FacetType || got[1].Field != search.FacetCommune {
		t.Errorf("ListFilters = %+v", got)
	}
}
