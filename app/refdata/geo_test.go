package refdata

import (
	"math"
	"testing"
)

func TestDistanceKm(t *testing.T) {
	cases := []struct {
		name                   string
		lat1, lng1, lat2, lng2 float64
		want, tolerance        float64
	}{
		{"same point", 48.8925, 2.2070, 48.8925, 2.2070, 0, 1e-9},
		{"one degree of latitude", 48, 2, 49, 2, 111.195, 0.01},
		{"Paris to Lyon", 48.8566, 2.3522, 45.7640, 4.8357, 392.2, 1},
		{"antipodes", 0, 0, 0, 180, math.Pi * earthRadiusKm, 0.01},
	}
	for _, c := range cases {
		got := DistanceKm(c.lat1, c.lng1, c.lat2, c.lng2)
		back := DistanceKm(c.lat2, c.lng2, c.lat1, c.lng1)
		if math.Abs(got-c.want) > c.tolerance || math.Abs(got-back) > 1e-9 {
			t.Errorf("%s: DistanceKm = %f (back %f), want %f ± %f", c.name, got, back, c.want, c.tolerance)
		}
	}
}

func TestDistanceBetweenNanterreAndBoulogne(t *testing.T) {
	nanterre, _ := CommuneByCode("92050")
	boulogne, _ := CommuneByCode("92012")
	if d := DistanceKm(nanterre.Lat, nanterre.Lng, boulogne.Lat, boulogne.Lng); d < 6 || d > 8 {
		t.Errorf("Nanterre–Boulogne town halls: %.1f km, want about 7", d)
	}
}
