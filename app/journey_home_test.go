package main

import (
	"context"
	"io"
	"log/slog"
	"net/url"
	"testing"
	"time"

	"passerelle/app/web/browsertest"
)

// startDemoPlatform runs the whole platform on a free port with the demo
// data in a data folder of its own, as a visitor would find it; the test's
// cleanup stops it.
func startDemoPlatform(t *testing.T) *Main {
	t.Helper()
	return startDemoPlatformTo(t, io.Discard)
}

// startDemoPlatformTo is startDemoPlatform printing the seed's report, with
// the demo accounts' passwords, to out; adjust may change the platform
// before it opens (its clock).
func startDemoPlatformTo(t *testing.T, out io.Writer, adjust ...func(*Main)) *Main {
	t.Helper()
	cfg, report := seededConfig(t)
	if _, err := io.WriteString(out, report); err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelWarn}))
	m := NewMain(cfg, logger)
	for _, a := range adjust {
		a(m)
	}
	if err := m.Open(t.Context()); err != nil {
		t.Fatalf("open the platform: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := m.Close(ctx); err != nil {
			t.Errorf("close the platform: %v", err)
		}
	})
	if err := m.Listen(); err != nil {
		t.Fatal(err)
	}
	return m
}

// The first journey: a visitor lands on the French home page, tries English
// and comes back, opens the latest opportunity, then each of the five spaces.
func TestJourneyHomeSpacesAndLanguage(t *testing.T) {
	m := startDemoPlatform(t)
	b := browsertest.New(t)
	b.Visit(m.URL() + "/")
	expectHome(t, m, b, "fr")
	b.CheckPage()
	switchToEnglishAndBack(t, m, b)
	openLatestOffer(t, b)
	if n := b.Count("a[href='/agents']"); n != 0 {
		t.Errorf("a visitor sees %d links to the staff's space", n)
	}
	for _, space := range []struct{ path, page string }{
		{"/jeunes", "youth"}, {"/etablissements", "counsellor"}, {"/employeurs", "employer"},
		{"/progress", "progress"},
	} {
		b.Visit(m.URL() + "/")
		b.Click(".spaces a[href='" + space.path + "']")
		expectPage(t, b, space.path, m.Catalog.T("fr", space.page+".title"))
		b.CheckPage()
	}
	publicServicePages(t, m, b)
	observatoryPages(t, m, b)
}

// observatoryPages follows the footer to the observatory, a commune's tile
// to its figures, the year filter and the data dictionary, each page
// checked on a phone, then the observatory in English.
func observatoryPages(t *testing.T, m *Main, b *browsertest.Browser) {
	t.Helper()
	b.Click("footer a[href='/observatoire']")
	expectPage(t, b, "/observatoire", m.Catalog.T("fr", "observatory.title"))
	b.CheckPage()
	if n := b.Count("svg.tiles a"); n != 36 {
		t.Errorf("the tile grid has %d communes, want 36", n)
	}
	b.Click("svg.tiles a[href='/observatoire?commune=92050']")
	if got := b.Text("h2.obs-place"); got != "Nanterre" {
		t.Errorf("the tile of Nanterre leads to the figures of %q", got)
	}
	b.CheckPage()
	year := b.Attr("#annee option:nth-child(2)", "value")
	b.Choose("#annee", year)
	b.Submit("form.filters")
	if got, want := b.Text("h2.obs-place"), "Nanterre — année scolaire "+year; got != want {
		t.Errorf("after choosing a year: %q, want %q", got, want)
	}
	if href := b.Attr("a[href^='/observatoire/tableaux/passerelle-types.csv']", "href"); href != "/observatoire/tableaux/passerelle-types.csv?annee="+year+"&commune=92050" {
		t.Errorf("the CSV of the page is %s", href)
	}
	b.Click("a[href='/observatoire/donnees']")
	expectPage(t, b, "/observatoire/donnees", m.Catalog.T("fr", "observatory.data.title"))
	b.CheckPage()
	b.Click(".lang-switch a")
	b.Click("main a[href='/observatoire']")
	expectPage(t, b, "/observatoire", m.Catalog.T("en", "observatory.title"))
	b.CheckPage()
	b.Click(".lang-switch a")
}

// publicServicePages follows the footer to the accessibility statement, the
// legal notice and the site map, in French then in English.
func publicServicePages(t *testing.T, m *Main, b *browsertest.Browser) {
	t.Helper()
	pages := []struct{ path, title string }{
		{"/accessibilite", "accessibility.title"}, {"/mentions-legales", "legal.title"}, {"/plan-du-site", "sitemap.title"}}
	for _, locale := range []string{"fr", "en"} {
		for _, p := range pages {
			b.Click("footer a[href='" + p.path + "']")
			expectPage(t, b, p.path, m.Catalog.T(locale, p.title))
			b.CheckPage()
		}
		b.Click(".lang-switch a")
	}
}

func switchToEnglishAndBack(t *testing.T, m *Main, b *browsertest.Browser) {
	t.Helper()
	b.Click(".lang-switch a")
	expectHome(t, m, b, "en")
	b.CheckPage()
	b.Click(".lang-switch a")
	expectHome(t, m, b, "fr")
}

// openLatestOffer follows the first card of the home page's latest
// opportunities to the offer's own page.
func openLatestOffer(t *testing.T, b *browsertest.Browser) {
	t.Helper()
	link := "section[aria-labelledby=dernieres] .card h3 a"
	title, href := b.Text(link), b.Attr(link, "href")
	b.Click(link)
	expectPage(t, b, href, title)
	b.CheckPage()
}

// expectHome checks that the home page is shown in locale, heading included.
func expectHome(t *testing.T, m *Main, b *browsertest.Browser, locale string) {
	t.Helper()
	if got := b.Attr("html", "lang"); got != locale {
		t.Fatalf("home page in %q, want %q", got, locale)
	}
	if got, want := b.Text("h1"), m.Catalog.T(locale, "home.heading"); got != want {
		t.Fatalf("home heading in %s = %q, want %q", locale, got, want)
	}
}

// expectPage checks that the browser landed on path, under heading.
func expectPage(t *testing.T, b *browsertest.Browser, path, heading string) {
	t.Helper()
	u, err := url.Parse(b.URL())
	if err != nil {
		t.Fatal(err)
	}
	if u.Path != path {
		t.Errorf("landed on %s, want %s", u.Path, path)
	}
	if got := b.Text("h1"); got != heading || heading == "" {
		t.Errorf("heading on %s = %q, want %q", path, got, heading)
	}
}
