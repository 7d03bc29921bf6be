package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"passerelle/app/account"
	"passerelle/app/demo"
	"passerelle/app/domain"
	"passerelle/app/web/browsertest"
)

// demoPasswords reads the passwords the seed printed, by email.
func demoPasswords(t *testing.T, report string) map[string]string {
	t.Helper()
	lines := regexp.MustCompile(`(?m)^\s+\w+\s+(\S+@\S+)\s+(\S+)$`).FindAllStringSubmatch(report, -1)
	passwords := map[string]string{}
	for _, l := range lines {
		passwords[l[1]] = l[2]
	}
	if len(passwords) == 0 {
		t.Fatalf("no demo account in the seed report:\n%s", report)
	}
	return passwords
}

// Every demo account signs in with the password printed at seed; the staff
// agent does it in a browser, through pages that pass the accessibility and
// 360 px checks.
func TestJourneyDemoAccountsSignIn(t *testing.T) {
	var report bytes.Buffer
	m := startDemoPlatformTo(t, &report)
	passwords := demoPasswords(t, report.String())
	for email, password := range passwords {
		if _, _, err := m.Accounts.SignIn(t.Context(), email, password, account.Client{IP: "192.0.2.7"}); err != nil {
			t.Errorf("demo account %s cannot sign in: %v", email, err)
		}
	}
	b := browsertest.New(t)
	b.Visit(m.URL() + "/")
	if b.Count(".main-nav a[href='/agents']") != 0 {
		t.Error("a visitor's header shows the staff space")
	}
	b.Click(".user-menu a[href='/connexion']")
	b.CheckPage()
	agent := "agent@" + demo.EmailDomain
	b.Fill("#email", agent)
	b.Fill("#password", "pas le bon mot de passe")
	b.ExpectStatus(422)
	b.Submit("form[action='/connexion']")
	b.CheckPage()
	b.Fill("#password", passwords[agent])
	b.Submit("form[action='/connexion']")
	if got := b.Text("h1"); got != "Espace agents du Département" {
		t.Fatalf("after sign-in: %q at %s", got, b.URL())
	}
	// Staff's header: their sections, the moderation queue with its count, no other role's.
	for _, href := range []string{"/agents/moderation", "/agents/organisations", "/agents/personnes", "/agents/reservations",
		"/agents/campagnes", "/agents/progress", "/agents/journal"} {
		if b.Count(".main-nav a[href='"+href+"']") != 1 {
			t.Errorf("staff's header lacks %s", href)
		}
	}
	if b.Count(".main-nav a[href='/agents/moderation'] .nav-count") != 1 || b.Count(".main-nav a[href='/jeunes/candidatures']") != 0 {
		t.Errorf("staff's header: %q", b.Text(".main-nav"))
	}
	b.CheckPage()
	b.Submit(".user-menu form")
	if b.Count(".user-menu a[href='/connexion']") != 1 {
		t.Fatal("still signed in after signing out")
	}
	eachRoleLandsOnItsSpace(t, m, b, passwords)
	supportJourney(t, m, b, passwords)
	benchLoadSignsInAndBooks(t, m, passwords)
}

// spaces are the demo accounts by role with the page each lands on after
// signing in, and the spaces' addresses.
var spaces = []struct{ local, landing, space string }{
	{"jeune", "/jeunes", "/jeunes"}, {"conseiller", "/etablissements", "/etablissements"},
	{"employeur", "/employeurs", "/employeurs"}, {"porteur", "/progress/dossiers", "/progress/dossiers"},
	{"jury", "/jury", "/jury"}, {"agent", "/agents", "/agents"}, {"admin", "/agents", "/agents"},
	{"accompagnement", "/accompagnement/suivi", "/accompagnement/suivi"},
}

// eachRoleLandsOnItsSpace signs each demo account in, in a browser of its
// own: it lands on its space, whose header links to no other role's space;
// the page passes the checks, and is photographed on a phone and a desktop
// into SPACE_SHOTS_DIR (docs/screenshots when refreshing the docs) or a
// temporary folder.
func eachRoleLandsOnItsSpace(t *testing.T, m *Main, b *browsertest.Browser, passwords map[string]string) {
	t.Helper()
	dir := os.Getenv("SPACE_SHOTS_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	for _, role := range spaces {
		s := b.Session()
		signIn(t, m, s, role.local+"@"+demo.EmailDomain, passwords[role.local+"@"+demo.EmailDomain])
		if got := strings.TrimPrefix(s.URL(), m.URL()); got != role.landing {
			t.Errorf("%s lands on %s, not %s", role.local, got, role.landing)
		}
		for _, other := range spaces {
			if other.space != role.space && s.Count(".main-nav a[href^='"+other.space+"']") != 0 {
				t.Errorf("%s's header links to %s: %q", role.local, other.space, s.Text(".main-nav"))
			}
		}
		s.CheckPage()
		for _, shot := range []struct {
			name          string
			width, height int
		}{{"telephone", 360, 740}, {"ordinateur", 1280, 800}} {
			s.SetViewport(shot.width, shot.height)
			s.Screenshot(filepath.Join(dir, role.local+"-"+shot.name+".png"))
		}
	}
}

// bench load signs in as the demo counsellor through the form, measures
// every page it covers against the floor without an error, and its booking
// mix books; a wrong password stops it with status 2.
func benchLoadSignsInAndBooks(t *testing.T, m *Main, passwords map[string]string) {
	email := "conseiller@" + demo.EmailDomain
	load := func(password string) (int, string, string) {
		var out, errOut strings.Builder
		code := run(t.Context(), []string{"bench", "load", "--url", m.URL(), "--as", "counsellor", "--password", password,
			"--clients", "1", "--duration", "1ms", "--warmup", "0"}, &out, &errOut)
		return code, out.String(), errOut.String()
	}
	if code, _, errOut := load("pas le bon mot de passe"); code != 2 || !strings.Contains(errOut, "connexion refusée") {
		t.Errorf("bench load with a wrong password: status %d, %q", code, errOut)
	}
	code, out, errOut := load(passwords[email])
	if code != 0 {
		t.Fatalf("bench load: status %d, %s", code, errOut)
	}
	for _, page := range []string{"/connexion (plancher)", "/ (counsellor)", "/offres, 6 recherches", "/jeunes (", "/etablissements (",
		"/employeurs (", "/progress (", "/agents (", "/etablissements/reservations (", "réservations POST"} {
		line := regexp.MustCompile(`(?m)^.*` + regexp.QuoteMeta(page) + `.*$`).FindString(out)
		if fields := strings.Fields(line); len(fields) == 0 || fields[len(fields)-1] != "0" {
			t.Errorf("bench load: %q measured with errors or not at all:\n%s", page, out)
		}
	}
	counsellor, err := m.DB.UserByEmail(t.Context(), email)
	if err != nil {
		t.Fatal(err)
	}
	bookings, err := m.DB.Bookings(t.Context(), domain.BookingFilter{CounsellorID: counsellor.ID})
	if err != nil || !slices.ContainsFunc(bookings, func(b domain.Booking) bool { return b.GroupName == "Groupe du banc d'essai" }) {
		t.Errorf("the booking mix booked nothing: %v", err)
	}
}
