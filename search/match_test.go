package search_test

import (
	"slices"
	"testing"
	"time"

	"passerelle/search"
)

func TestQueryMatchesEachFilter(t *testing.T) {
	yes, no := true, false
	nanterre, antony := &search.Point{Lat: 48.8924, Lng: 2.2071}, &search.Point{Lat: 48.7539, Lng: 2.2975}
	start := time.Date(2027, 1, 4, 0, 0, 0, 0, time.UTC)
	o := search.Offer{ID: "o", Type: "apprenticeship", Title: "Apprenti boulanger", Description: "Fabrication du pain à Nanterre",
		ROMELabels: []string{"Boulangerie - viennoiserie"}, Subdomain: "food", TensionFamily: "metiers_de_bouche", ESS: true,
		CommuneCode: "92050", Lat: 48.8924, Lng: 2.2071, AgeMin: 16, AgeMax: 25, StartDate: start, Accessible: true}
	for _, c := range []struct {
		name string
		q    search.Query
		want bool
	}{
		{"no filter", search.Query{}, true},
		{"type", search.Query{Types: []string{"job", "apprenticeship"}}, true},
		{"other type", search.Query{Types: []string{"job"}}, false},
		{"subdomain", search.Query{Subdomains: []string{"food"}}, true},
		{"other subdomain", search.Query{Subdomains: []string{"care"}}, false},
		{"tension family", search.Query{TensionFamilies: []string{"metiers_de_bouche"}}, true},
		{"other tension family", search.Query{TensionFamilies: []string{"informatique"}}, false},
		{"ESS", search.Query{ESS: &yes}, true},
		{"not ESS", search.Query{ESS: &no}, false},
		{"commune", search.Query{CommuneCodes: []string{"92050"}}, true},
		{"other commune", search.Query{CommuneCodes: []string{"92002"}}, false},
		{"within radius", search.Query{Near: nanterre, RadiusKm: 5}, true},
		{"beyond radius", search.Query{Near: antony, RadiusKm: 10}, false},
		{"wide radius", search.Query{Near: antony, RadiusKm: 20}, true},
		{"point without radius", search.Query{Near: antony}, true},
		{"age within", search.Query{Age: 16}, true},
		{"too young", search.Query{Age: 15}, false},
		{"too old", search.Query{Age: 26}, false},
		{"starts in window", search.Query{StartFrom: start.AddDate(0, 0, -1), StartTo: start}, true},
		{"starts before window", search.Query{StartFrom: start.AddDate(0, 0, 1)}, false},
		{"starts after window", search.Query{StartTo: start.AddDate(0, 0, -1)}, false},
		{"accessible", search.Query{Accessible: true}, true},
		{"remote", search.Query{Remote: true}, false},
		{"text, accents folded", search.Query{Text: "BOULANGER à NANTERRE"}, true},
		{"text as prefix", search.Query{Text: "boulang"}, true},
		{"text in plural", search.Query{Text: "boulangers"}, true},
		{"text in job label", search.Query{Text: "viennoiserie"}, true},
		{"text through a synonym", search.Query{Text: "alternance"}, true},
		{"text not in the offer", search.Query{Text: "informatique"}, false},
		{"text, stop words only", search.Query{Text: "de la"}, true},
		{"text with a missing word", search.Query{Text: "boulanger pâtissier"}, false},
		{"filters combine", search.Query{Types: []string{"apprenticeship"}, ESS: &no}, false},
	} {
		if got := matches(c.q, o); got != c.want {
			t.Errorf("%s: Matches = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestQueryMatchesThroughSynonyms(t *testing.T) {
	o := search.Offer{Type: "job", Title: "Vendeuse en boulangerie"}
	if !matches(search.Query{Text: "boulanger"}, o) || !matches(search.Query{Text: "commerce"}, o) {
		t.Errorf("synonyms of the offer's words should match %+v", o)
	}
}

func TestMatcherKeepsOrderAndLimit(t *testing.T) {
	offers := []search.Offer{{ID: "a", Type: "job", Title: "Serveur"}, {ID: "b", Type: "visit", Title: "Serveur"},
		{ID: "c", Type: "job", Title: "Cuisinier"}, {ID: "d", Type: "job", Title: "Serveuse"}}
	m := search.NewMatcher(offers)
	if got := m.Match(search.Query{Types: []string{"visit", "job"}, Text: "serveu"}, 10); !slices.Equal(got, []int{0, 1, 3}) {
		t.Errorf("Match = %v, want [0 1 3]", got)
	}
	if got := m.Match(search.Query{Types: []string{"job"}}, 2); !slices.Equal(got, []int{0, 2}) {
		t.Errorf("limited Match = %v, want [0 2]", got)
	}
}

// matches reports whether q selects o, through a matcher of o alone.
func matches(q search.Query, o search.Offer) bool {
	return len(search.NewMatcher([]search.Offer{o}).Match(q, 1)) == 1
}
