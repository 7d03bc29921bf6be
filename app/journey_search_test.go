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

// On a phone, a youth types a slang word and picks the job suggested with
// its offer count, then a commune, which sets the commune filter; then a
// misspelt feminine job name and a word beyond typo tolerance reach offers,
// and a search that finds nothing still leads somewhere.
func TestJourneySearchInTheYouthsOwnWords(t *testing.T) {
	m := startDemoPlatform(t)
	b := browsertest.New(t)
	b.SetViewport(360, 740)
	b.Visit(m.URL() + "/offres")

	b.Fill("#q", "cuisto")
	if note := b.Text("#search-suggestions li:first-child"); !strings.Contains(note, "offre") || strings.Contains(note, "aucune") {
		t.Errorf("first suggestion for cuisto %q, want a job with its offers", note)
	}
	b.CheckPage()
	b.Click("#search-suggestions li:first-child a")
	expectHits(t, b, "the job suggested for cuisto")
	b.CheckPage()

	b.Fill("#q", "nanter")
	b.Click("#search-suggestions a[href^='/offres?commune=92050']")
	if !strings.Contains(b.URL(), "commune=92050") || strings.Contains(b.URL(), "q=") {
		t.Errorf("the commune suggestion led to %s, want the commune filter and no keyword", b.URL())
	}
	expectHits(t, b, "the commune suggested")

	for _, typed := range []string{"cuisto", "cuizinière", "informatik"} {
		b.Visit(m.URL() + "/offres")
		b.Fill("#q", typed)
		b.Click(".search-row button")
		expectHits(t, b, typed)
		if b.Count(".notice") != 0 {
			t.Errorf("%s needed widening: %s", typed, b.Text(".notice"))
		}
	}
	b.CheckPage()

	b.Visit(m.URL() + "/offres?q=bouchair")
	if notice := b.Text(".notice"); !strings.Contains(notice, "le mot le plus proche") {
		t.Errorf("widening notice %q", notice)
	}
	expectHits(t, b, "bouchair, widened")
	b.CheckPage()

	b.Visit(m.URL() + "/offres?q=zzzz+qqqq")
	if b.Count(".next-steps a") < 2 {
		t.Fatal("a search that finds nothing offers no next step")
	}
	b.CheckPage()
	b.Click(".next-steps li:first-child a")
	expectHits(t, b, "a family proposed as a next step")
}

func expectHits(t *testing.T, b *browsertest.Browser, what string) {
	t.Helper()
	if b.Count(".hits .card") == 0 {
		t.Errorf("%s: no offer at %s", what, b.URL())
	}
}
