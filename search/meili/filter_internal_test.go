package meili

import (
	"slices"
	"testing"

	"passerelle/search"
)

func TestRadiusAndDistanceAroundAPlaceAreLookups(t *testing.T) {
	at := search.NewPlaceIndex([]search.Place{{ID: "92050", Point: search.Point{Lat: 48.8924, Lng: 2.2069}}})
	place, elsewhere := search.Point{Lat: 48.8924, Lng: 2.2069}, search.Point{Lat: 48.9, Lng: 2.2}
	for _, c := range []struct {
		near   search.Point
		km     float64
		filter string
		sort   string
	}{
		{place, 10, "distance_km.92050 <= 10", "distance_km.92050:asc"},
		{place, 7.5, "distance_km.92050 <= 7.5", "distance_km.92050:asc"},
		{elsewhere, 10, "_geoRadius(48.900000, 2.200000, 10000)", "_geoPoint(48.900000, 2.200000):asc"},
	} {
		q := search.Query{Near: &c.near, RadiusKm: c.km, Sort: search.SortDistance}
		if got := filter(q, at); got != c.filter {
			t.Errorf("filter around %v within %g km = %q, want %q", c.near, c.km, got, c.filter)
		}
		if got := sort(q, at); !slices.Equal(got, []string{c.sort, "id:asc"}) {
			t.Errorf("sort around %v = %q, want %q first", c.near, got, c.sort)
		}
	}
}
