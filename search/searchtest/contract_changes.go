package searchtest

import (
	"context"
	"errors"
	"slices"
	"testing"

	"passerelle/search"
	"passerelle/search/sample"
)

func testPagination(t *testing.T, e search.Engine) {
	const perPage = 5
	all := expected(func(search.Offer) bool { return true })
	var seen []string
	for page := 1; page <= len(all)/perPage+2; page++ {
		res := find(t, e, search.Query{Page: page, PerPage: perPage})
		if res.Total != len(all) || res.Page != page || res.PerPage != perPage {
			t.Fatalf("page %d: total %d page %d per page %d, want total %d", page, res.Total, res.Page, res.PerPage, len(all))
		}
		seen = append(seen, ids(res)...)
	}
	if !slices.Equal(seen, all) {
		t.Errorf("pages together gave %v, want %v", seen, all)
	}
}

func testUpdate(t *testing.T, e search.Engine) {
	changed := offerByID("o01")
	changed.Title = "Apprenti fromager"
	changed.Type = "job"
	if err := e.Index(context.Background(), changed); err != nil {
		t.Fatal(err)
	}
	if got := ids(find(t, e, search.Query{Text: "fromager"})); !slices.Equal(got, []string{"o01"}) {
		t.Errorf("new title: found %v, want o01", got)
	}
	if got := ids(find(t, e, search.Query{Text: "boulanger", Types: []string{"apprenticeship"}})); slices.Contains(got, "o01") {
		t.Errorf("old type still found: %v", got)
	}
	if res := find(t, e, search.Query{}); res.Total != len(sample.Offers()) {
		t.Errorf("total %d after an update, want %d", res.Total, len(sample.Offers()))
	}
}

func testDelete(t *testing.T, e search.Engine) {
	ctx := context.Background()
	if err := e.Delete(ctx, "o01", "o04", "no-such-offer"); err != nil {
		t.Fatal(err)
	}
	if err := e.Delete(ctx); err != nil {
		t.Fatalf("deleting nothing: %v", err)
	}
	got := ids(find(t, e, search.Query{Text: "boulangerie", PerPage: search.MaxPerPage}))
	if slices.Contains(got, "o01") || slices.Contains(got, "o04") || !slices.Contains(got, "o02") {
		t.Errorf("after deleting o01 and o04, boulangerie found %v", got)
	}
	if res := find(t, e, search.Query{}); res.Total != len(sample.Offers())-2 {
		t.Errorf("total %d after deleting 2, want %d", res.Total, len(sample.Offers())-2)
	}
}

func testIDs(t *testing.T, e search.Engine) {
	ctx := context.Background()
	var want []string
	for _, o := range sample.Offers() {
		if o.ID != "o02" {
			want = append(want, o.ID)
		}
	}
	if err := e.Delete(ctx, "o02"); err != nil {
		t.Fatal(err)
	}
	got, err := e.IDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("IDs = %v, want %v", got, want)
	}
}

func testInvalidQueries(t *testing.T, e search.Engine) {
	near := sample.Nanterre
	for field, q := range map[string]search.Query{
		"page":      {Page: -1},
		"per_page":  {PerPage: search.MaxPerPage + 1},
		"radius_km": {RadiusKm: 10},
		"sort":      {Sort: search.SortDistance},
		"facets":    {Facets: []string{"salary"}},
		"near":      {Near: &search.Point{Lat: 91}, RadiusKm: 1},
		"age":       {Age: -3},
		"start_to":  {StartFrom: sample.Epoch, StartTo: sample.Epoch.AddDate(0, 0, -1)},
	} {
		_, err := e.Search(context.Background(), q)
		var qerr *search.QueryError
		if !errors.As(err, &qerr) || qerr.Field != field {
			t.Errorf("query %+v: error %v, want a *search.QueryError on %s", q, err, field)
		}
	}
	if _, err := e.Search(context.Background(), search.Query{Near: &near, Sort: "cheapest"}); err == nil {
		t.Error("unknown sort accepted")
	}
}
