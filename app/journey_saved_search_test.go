package main

import (
	"strings"
	"testing"
)

// The demo youth saves a search for apprenticeships around Nanterre, finds
// it in her space, runs it again, leaves it out of her digest, then deletes
// it. Every page passes axe and the 360 px check.
func TestJourneyYouthSavesASearch(t *testing.T) {
	m, b, _ := demoSignedIn(t, "jeune")
	expectPage(t, b, "/jeunes", m.Catalog.T("fr", "youth.title")) // a youth lands on their space
	for _, href := range []string{"/offres", "/jeunes/candidatures", "/jeunes#mes-favoris", "/jeunes#mes-recherches", "/compte/profil"} {
		if b.Count(".main-nav a[href='"+href+"']") != 1 {
			t.Errorf("the youth's header lacks %s: %q", href, b.Text(".main-nav"))
		}
	}
	if n := b.Count(".main-nav a[href^='/agents'], .main-nav a[href^='/employeurs']"); n != 0 {
		t.Errorf("the youth's header shows %d other roles' links", n)
	}
	before := b.Count(".saved-searches li")

	b.Visit(m.URL() + "/offres?type=apprenticeship&near=92050&radius=10")
	b.CheckPage()
	if name := b.Attr("#save-name", "value"); name != "Apprentissage · Nanterre 10 km" {
		t.Errorf("proposed name %q", name)
	}
	b.Fill("#save-name", "Apprentissage à Nanterre")
	b.Submit("form.save-search")
	expectPage(t, b, "/jeunes", m.Catalog.T("fr", "youth.title"))
	if got := b.Text(".flash"); !strings.Contains(got, "Ta recherche est enregistrée") {
		t.Errorf("after saving the search: %q", got)
	}
	b.CheckPage()
	if n := b.Count(".saved-searches li"); n != before+1 || !strings.Contains(b.Text(".saved-searches"), "Apprentissage à Nanterre") {
		t.Fatalf("%d saved searches after saving one (%d before): %q", n, before, b.Text(".saved-searches"))
	}
	last := ".saved-searches li:last-child"
	b.Click(last + " a")
	expectPage(t, b, "/offres", m.Catalog.T("fr", "search.title"))
	if !strings.Contains(b.URL(), "near=92050") || b.Count(".hits .card") == 0 {
		t.Errorf("the saved search runs again as %s with %d hits", b.URL(), b.Count(".hits .card"))
	}

	b.Visit(m.URL() + "/jeunes")
	b.ClickInPage(last + " input[name=digest]")
	b.Submit(last + " form[action$='/recapitulatif']")
	if b.Count(last+" input[name=digest]:checked") != 0 {
		t.Error("the search stays in the digest once unticked")
	}
	b.Submit(last + " form[action$='/suppression']")
	if n := b.Count(".saved-searches li"); n != before {
		t.Errorf("%d saved searches after deleting, want %d", n, before)
	}
}
