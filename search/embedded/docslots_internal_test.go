package embedded

import (
	"maps"
	"slices"
	"testing"

	"passerelle/search"
	"passerelle/search/sample"
)

// A search finds each match's offer by its document number in the index's
// segments: after deletions, a new offer and a merge that numbers the
// documents again, every answer still names the offers that are there.
func TestMatchesNameTheirOffersAfterTheIndexChanges(t *testing.T) {
	offers := sample.Offers()
	e, ctx := indexed(t)
	for _, o := range offers[1:] { // one segment each
		if err := e.Index(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string]bool{}
	for _, o := range offers[1:] {
		want[o.ID] = true
	}
	check := func(when string) {
		t.Helper()
		res, err := e.Search(ctx, search.Query{PerPage: search.MaxPerPage})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.Offer.ID)
		}
		slices.Sort(got)
		if ids := slices.Sorted(maps.Keys(want)); res.Total != len(ids) || !slices.Equal(got, ids) {
			t.Errorf("%s: %d offers %v, want %v", when, res.Total, got, ids)
		}
	}
	check("indexed one by one")
	var deleted []string
	for i, o := range offers[1:] {
		if i%2 == 0 {
			deleted = append(deleted, o.ID)
			delete(want, o.ID)
		}
	}
	if err := e.Delete(ctx, deleted...); err != nil {
		t.Fatal(err)
	}
	check("after deleting every other offer")
	if err := e.Index(ctx, offers[0]); err != nil {
		t.Fatal(err)
	}
	want[offers[0].ID] = true
	if err := e.forceMerge(ctx); err != nil {
		t.Fatal(err)
	}
	check("after a new offer and a merge")
}
