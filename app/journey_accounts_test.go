package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"passerelle/app/demo"
	"passerelle/app/mail/mailtest"
	"passerelle/app/web/browsertest"
)

var emailLink = regexp.MustCompile(`https?://[^/\s]+(/[a-z/-]+/[0-9a-f]{64})`)

// linkTo waits for the n-th email of the outbox (1-based), checks its
// recipient and returns the path of its link.
func linkTo(t *testing.T, m *Main, n int, to string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if got := mailtest.ReadOutbox(t, m.Config.DataPath("outbox")); len(got) >= n {
			msg := got[n-1]
			match := emailLink.FindStringSubmatch(msg.Text)
			if len(msg.To) != 1 || msg.To[0] != to || match == nil {
				t.Fatalf("email %d to %v: %q", n, msg.To, msg.Text)
			}
			return match[1]
		}
		if time.Now().After(deadline) {
			t.Fatalf("email %d to %s never arrived", n, to)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// signUpInBrowser creates an account through the form and opens the
// verification link, which signs in.
func signUpInBrowser(t *testing.T, m *Main, b *browsertest.Browser, role, name, email string, mails int) {
	t.Helper()
	b.Visit(m.URL() + "/inscription")
	b.ClickInPage("#role-" + role)
	b.Fill("#name", name)
	b.Fill("#email", email)
	b.Fill("#password", "une girafe mange des cerises à Clamart")
	b.Submit("form[action='/inscription']")
	b.CheckPage()
	b.Visit(m.URL() + linkTo(t, m, mails, email))
	if got := b.Text("h1"); got != "Mon compte" {
		t.Fatalf("after verification: %q", got)
	}
}

// The journey of the issue: a 14-year-old signs up, the guardian confirms
// from the email, the youth completes the profile; an employer registers
// its company with a SIRET; staff verifies it. Every page passes axe and
// fits 360 px.
func TestJourneyMinorGuardianEmployerStaff(t *testing.T) {
	var report bytes.Buffer
	m := startDemoPlatformTo(t, &report)
	passwords := demoPasswords(t, report.String())
	b := browsertest.New(t)

	signUpInBrowser(t, m, b, "youth", "Yanis Diallo", "yanis@example.fr", 1)
	b.CheckPage()
	b.Click("a[href='/compte/profil']")
	b.CheckPage()
	fillYouthProfile(b, time.Now().AddDate(-14, 0, -3))
	if !strings.Contains(b.Text("main"), "En attente de l'accord de ton responsable légal") {
		t.Fatalf("profile saved without asking for consent: %s", b.Text("main"))
	}
	b.CheckPage()

	guardian := b.Session()
	guardian.Visit(m.URL() + linkTo(t, m, 2, "parent.diallo@example.fr"))
	guardian.CheckPage()
	guardian.Submit("form[action^='/consentement/']")
	if got := guardian.Text("h1"); got != "Merci pour votre accord" {
		t.Fatalf("consent: %q", got)
	}

	b.Visit(m.URL() + "/compte/profil")
	if strings.Contains(b.Text("main"), "En attente de l'accord") {
		t.Fatal("the consent did not reach the profile")
	}
	b.ClickInPage("#visible")
	b.Submit("form[action='/compte/profil']")
	b.Submit(".user-menu form")

	employer := b.Session()
	signUpInBrowser(t, m, employer, "employer", "Sophie Martin", "rh@boulangerie-clamart.fr", 3)
	employer.Click("a[href='/organisations/nouvelle']")
	employer.CheckPage()
	employer.ClickInPage("#kind-company")
	employer.Fill("#name", "Boulangerie des Sources")
	employer.Fill("#siret", "7328293200007")
	employer.ExpectStatus(422)
	employer.Submit("form[method='post'][action='/organisations/nouvelle']")
	employer.CheckPage()
	employer.Fill("#siret", "732 829 320 00074")
	employer.Submit("form[method='post'][action='/organisations/nouvelle']")
	if !strings.Contains(employer.Text("main"), "En attente de vérification") {
		t.Fatalf("organisation page: %s", employer.Text("main"))
	}
	employer.CheckPage()

	staff := b.Session()
	staff.Visit(m.URL() + "/connexion")
	staff.Fill("#email", "agent@"+demo.EmailDomain)
	staff.Fill("#password", passwords["agent@"+demo.EmailDomain])
	staff.Submit("form[action='/connexion']")
	staff.Visit(m.URL() + "/agents/organisations?q=Sources")
	staff.CheckPage()
	staff.Submit("form[action$='/verification'] button")
	if !strings.Contains(staff.Text("main"), "Vérifiée par le Département") {
		t.Fatalf("after verification: %s", staff.Text("main"))
	}
	for _, page := range []string{"/agents/personnes?q=example.fr", "/agents/journal", "/confidentialite", "/compte/suppression"} {
		staff.Visit(m.URL() + page)
		staff.CheckPage()
	}
}

func fillYouthProfile(b *browsertest.Browser, birth time.Time) {
	b.Fill("#first_name", "Yanis")
	b.Choose("#birth_date", birth.Format(time.DateOnly))
	b.Fill("#guardian_email", "parent.diallo@example.fr")
	b.Choose("#commune", "92023")
	b.Choose("#situation", "college")
	b.Choose("#level", "3e")
	b.ClickInPage("#interest-informatique")
	b.ClickInPage("#type-internship_3e")
	b.Fill("#mobility_km", "5")
	b.Submit("form[action='/compte/profil']")
}
