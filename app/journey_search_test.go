package main

import (
	"strconv"
	"strings"
	"testing"

	"passerelle/app/web/browsertest"
)

// A youth near Nanterre looks for an apprenticeship in a bakery, with a
// typo, sorted by distance; then a search that finds nothing is relaxed.
func TestJourneySearchWithTypoNearNanterre(t *testing.T) {
	m := startDemoPlatform(t)
	b := browsertest.New(t)
	b.Visit(m.URL() + "/jeunes")
	b.Click("main a[href='/offres']")
	expectPage(t, b, "/offres", m.Catalog.T("fr", "search.title"))
	b.CheckPage()

	b.Fill("#q", "boulangrie")
	b.Choose("#near", "92050")
	b.Choose("#sort", "distance")
	b.Click(".search-row button")
	b.ClickInPage("input[name=type][value=apprenticeship]")
	b.Click(".filters button")
	if n := b.Count(".hits .card"); n == 0 {
		t.Fatal("no apprenticeship found for boulangrie near Nanterre")
	}
	for i := 1; i <= b.Count(".hits .card"); i++ {
		if kind := b.Text(".hits .card:nth-child(" + strconv.Itoa(i) + ") .card-type"); !strings.EqualFold(kind, "Apprentissage") {
			t.Errorf("hit %d is a %q, want only apprenticeships", i, kind)
		}
	}
	expectSortedByDistance(t, b)
	if b.Count(".notice") != 0 {
		t.Errorf("a search with results was relaxed: %s", b.Text(".notice"))
	}
	b.CheckPage()

	b.Visit(m.URL() + "/offres?q=boulangerie&near=92002&radius=2&tension=informatique")
	if notice := b.Text(".notice"); !strings.Contains(notice, "nous avons élargi la recherche à 50 km") ||
		!strings.Contains(notice, "Rien avec le filtre « Métiers en tension »") {
		t.Errorf("relaxation notice %q", notice)
	}
	if b.Count(".hits .card") == 0 {
		t.Error("the relaxed search shows no offer")
	}
	b.CheckPage()
}

func expectSortedByDistance(t *testing.T, b *browsertest.Browser) {
	t.Helper()
	previous := -1.0
	for i := 1; i <= b.Count(".hits .card"); i++ {
		text := b.Text(".hits .card:nth-child(" + strconv.Itoa(i) + ") strong")
		km, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(text, "à "), " km"), ",", "."), 64)
		if err != nil {
			t.Fatalf("hit %d distance %q: %v", i, text, err)
		}
		if km < previous {
			t.Errorf("hit %d at %.1f km comes after one at %.1f km", i, km, previous)
		}
		previous = km
	}
}
