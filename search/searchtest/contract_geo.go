package searchtest

import (
	"cmp"
	"math"
	"slices"
	"testing"

	"passerelle/search"
	"passerelle/search/sample"
)

const radiusKm = 5.0

func testGeo(t *testing.T, e search.Engine) {
	near := sample.Nanterre
	offers := byDistance(sample.Offers(), near)
	var want []string
	for _, o := range offers {
		d := search.DistanceKm(near, o.Point())
		if math.Abs(d-radiusKm) < 0.2 {
			t.Fatalf("fixture %s is %.2f km away, too close to the %g km radius to judge", o.ID, d, radiusKm)
		}
		if d <= radiusKm {
			want = append(want, o.ID)
		}
	}
	res := find(t, e, search.Query{Near: &near, RadiusKm: radiusKm, Sort: search.SortDistance, PerPage: search.MaxPerPage})
	if got := ids(res); !slices.Equal(got, want) || res.Total != len(want) {
		t.Errorf("within %g km by distance: got %v (total %d), want %v", radiusKm, got, res.Total, want)
	}
	checkDistances(t, res, near)
}

func checkDistances(t *testing.T, res *search.Result, near search.Point) {
	for _, h := range res.Hits {
		want := search.DistanceKm(near, h.Offer.Point())
		if h.DistanceKm == nil || math.Abs(*h.DistanceKm-want) > 0.01 {
			t.Errorf("%s: distance %v, want %.2f km", h.Offer.ID, h.DistanceKm, want)
		}
	}
}

func byDistance(offers []search.Offer, near search.Point) []search.Offer {
	slices.SortStableFunc(offers, func(a, b search.Offer) int {
		return cmp.Or(cmp.Compare(search.DistanceKm(near, a.Point()), search.DistanceKm(near, b.Point())),
			cmp.Compare(a.ID, b.ID))
	})
	return offers
}

func testSorts(t *testing.T, e search.Engine) {
	near := sample.Nanterre
	byStart := sample.Offers()
	slices.SortFunc(byStart, func(a, b search.Offer) int {
		return cmp.Or(a.StartDate.Compare(b.StartDate), cmp.Compare(a.ID, b.ID))
	})
	for _, c := range []struct {
		query search.Query
		want  []search.Offer
	}{
		{search.Query{Sort: search.SortNewest}, byNewest(sample.Offers())},
		{search.Query{Sort: search.SortStartDate}, byStart},
		{search.Query{Sort: search.SortDistance, Near: &near}, byDistance(sample.Offers(), near)},
		{search.Query{}, byNewest(sample.Offers())},
	} {
		c.query.PerPage = search.MaxPerPage
		res := find(t, e, c.query)
		if got, want := ids(res), offerIDs(c.want); !slices.Equal(got, want) {
			t.Errorf("sort %q: got %v, want %v", c.query.Sort, got, want)
		}
	}
}

func offerIDs(offers []search.Offer) []string {
	out := make([]string, len(offers))
	for i, o := range offers {
		out[i] = o.ID
	}
	return out
}
