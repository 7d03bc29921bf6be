package main

import (
	"bytes"
	"regexp"
	"testing"

	"passerelle/app/account"
	"passerelle/app/demo"
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
}
