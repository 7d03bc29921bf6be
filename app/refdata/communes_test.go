package refdata

import (
	"slices"
	"testing"
)

// The département's bounding box, with a margin of about 500 m.
const (
	minLat, maxLat = 48.724, 48.956
	minLng, maxLng = 2.140, 2.343
)

func inside92(lat, lng float64) bool {
	return lat > minLat && lat < maxLat && lng > minLng && lng < maxLng
}

func TestCommuneByCode(t *testing.T) {
	cases := []struct {
		code, name, ept string
		postal          []string
	}{
		{"92050", "Nanterre", "Paris Ouest La Défense", []string{"92000"}},
		{"92012", "Boulogne-Billancourt", "Grand Paris Seine Ouest", []string{"92100"}},
		{"92048", "Meudon", "Grand Paris Seine Ouest", []string{"92190", "92360"}},
		{" 92036 ", "Gennevilliers", "Boucle Nord de Seine", []string{"92230"}},
	}
	for _, c := range cases {
		got, ok := CommuneByCode(c.code)
		if !ok || got.Name != c.name || got.EPT != c.ept || !slices.Equal(got.PostalCodes, c.postal) || got.Population <= 0 {
			t.Errorf("CommuneByCode(%q) = %+v, %v; want %s, %s, %v", c.code, got, ok, c.name, c.ept, c.postal)
		}
	}
	for _, code := range []string{"75056", "", "92"} {
		if got, ok := CommuneByCode(code); ok {
			t.Errorf("CommuneByCode(%q) = %+v, want none", code, got)
		}
	}
}

func TestEveryCommuneHasItsTownHallInThe92(t *testing.T) {
	for _, c := range Communes() {
		if !inside92(c.Lat, c.Lng) {
			t.Errorf("%s (%s): town hall at %f,%f is outside the 92", c.Name, c.Code, c.Lat, c.Lng)
		}
	}
}

// The town halls come from memory, not from a file: check each against the
// lycées of its commune, whose coordinates come from the Annuaire.
func TestTownHallsAreNearTheirCommunesLycees(t *testing.T) {
	for _, s := range Lycees() {
		c, _ := CommuneByCode(s.CommuneCode)
		if d := DistanceKm(c.Lat, c.Lng, s.Lat, s.Lng); d > 3.5 {
			t.Errorf("%s is %.1f km from the town hall of %s", s.Name, d, c.Name)
		}
	}
}

func TestSearchCommunes(t *testing.T) {
	cases := []struct {
		prefix string
		limit  int
		want   []string
	}{
		{"nant", 10, []string{"92050"}},
		{"NANTERRE", 10, []string{"92050"}},
		{"chatenay", 10, []string{"92019"}},
		{"sevres", 10, []string{"92072"}},
		{"garenne", 10, []string{"92035", "92078"}},
		{"la garenne col", 10, []string{"92035"}},
		{"92190", 10, []string{"92048"}},
		{"9236", 10, []string{"92048"}},
		{"921", 3, []string{"92002", "92012", "92023"}},
		{"", 10, nil},
		{"lyon", 10, nil},
	}
	for _, c := range cases {
		var got []string
		for _, commune := range SearchCommunes(c.prefix, c.limit) {
			got = append(got, commune.Code)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("SearchCommunes(%q, %d) = %v, want %v", c.prefix, c.limit, got, c.want)
		}
	}
}
