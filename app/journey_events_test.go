package main

import (
	"strings"
	"testing"
	"time"

	"passerelle/app/web/browsertest"
)

// eventsJourney: staff create a forum through the form (after a refused
// commune); an employer books a stand, a counsellor registers a group and a
// youth registers alone, each from the event's page, and finds it in « Mes
// événements »; the forum shows on the search page; the organiser sees the
// registrations; the youth cancels, after a confirmation. Every page passes
// axe and the 360 px check.
func eventsJourney(t *testing.T, m *Main, staff, employer, counsellor, youth *browsertest.Browser) {
	t.Helper()
	eventURL := staffCreatesForum(t, m, staff)
	register := func(b *browsertest.Browser, form, flash string) {
		t.Helper()
		b.Visit(eventURL)
		b.CheckPage()
		if form == "group" {
			b.Fill("#group_name", "3e C")
			b.Fill("#places", "25")
		}
		b.Submit("form:has(input[name='kind'][value='" + form + "']) button")
		b.CheckPage()
		if got := b.Text(".flash"); !strings.Contains(got, flash) {
			t.Errorf("%s: flash %q, want %q", form, got, flash)
		}
		if got := b.Text("main"); !strings.Contains(got, "Forum des métiers de la Défense") || !strings.Contains(got, "Inscription confirmée") {
			t.Errorf("%s: « Mes événements » %q", form, got)
		}
	}
	register(employer, "stand", "L'inscription est confirmée")
	register(counsellor, "group", "L'inscription est confirmée")
	register(youth, "youth", "Ton inscription est confirmée")
	if href := youth.Attr("a[href$='calendrier.ics']", "href"); !strings.HasPrefix(href, "/evenements/inscriptions/") {
		t.Errorf("no calendar link: %q", href)
	}

	youth.Visit(m.URL() + "/evenements?type=forum&commune=Nanterre")
	youth.CheckPage()
	if got := youth.Text("main .cards"); !strings.Contains(got, "Forum des métiers de la Défense") {
		t.Errorf("the filtered list of events: %q", got)
	}
	youth.Visit(m.URL() + "/offres?commune=92050")
	youth.CheckPage()
	if got := youth.Text("#evenements-a-venir + ul"); !strings.Contains(got, "Forum des métiers de la Défense") {
		t.Errorf("the search page's upcoming events: %q", got)
	}

	staff.Visit(eventURL)
	staff.CheckPage()
	if got := staff.Text("#inscriptions + div"); !strings.Contains(got, "3e C") || !strings.Contains(got, "Inès Benali") {
		t.Errorf("the organiser's registrations: %q", got)
	}
	if got := staff.Text("main .facts"); !strings.Contains(got, "14 places libres sur 40") || !strings.Contains(got, "4 stands libres sur 5") {
		t.Errorf("places after three registrations: %q", got)
	}

	youth.Visit(m.URL() + "/evenements/mes-evenements")
	if got := confirm(t, youth, "form[action$='/annulation']", "Annuler l'inscription ?"); !strings.Contains(got, "Ton inscription est annulée") {
		t.Errorf("flash after cancelling: %q", got)
	}
}

// staffCreatesForum fills the creation form from « Mes événements », is
// refused a commune outside the département, and returns the forum's page.
func staffCreatesForum(t *testing.T, m *Main, b *browsertest.Browser) string {
	t.Helper()
	b.Visit(m.URL() + "/evenements/mes-evenements")
	b.CheckPage()
	b.Click("a[href='/evenements/nouveau']")
	b.CheckPage()
	start := time.Now().AddDate(0, 0, 10)
	b.Fill("#title", "Forum des métiers de la Défense")
	b.Choose("#description", "Cinquante employeurs, des ateliers CV et des démonstrations de métiers.")
	for _, public := range []string{"youths", "schools", "employers"} {
		b.ClickInPage("#audience-" + public)
	}
	b.Fill("#commune_code", "Lyon")
	b.Fill("#address", "Parvis de la Défense")
	b.Choose("#starts_at", start.Format("2006-01-02")+"T09:00")
	b.Choose("#ends_at", start.Format("2006-01-02")+"T17:00")
	b.Fill("#capacity", "40")
	b.Fill("#stands", "5")
	b.ExpectStatus(422)
	b.Submit("form[action='/evenements']")
	if got := b.Text("#commune_code-error"); got != m.Catalog.T("fr", "error.event.commune") {
		t.Fatalf("a commune outside the 92 was accepted: %q", got)
	}
	b.CheckPage()
	b.Fill("#commune_code", "Nanterre")
	b.Submit("form[action='/evenements']")
	b.CheckPage()
	if got := b.Text(".flash"); !strings.Contains(got, "L'événement est publié") || !strings.Contains(b.URL(), "/evenements/event-") {
		t.Fatalf("forum not created: %s %q", b.URL(), got)
	}
	return b.URL()
}
