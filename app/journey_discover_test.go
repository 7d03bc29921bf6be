package main

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"

	"passerelle/app/demo"
	"passerelle/app/discover"
	"passerelle/app/web/browsertest"
)

// A visitor finds an apprenticeship, follows « Ce que tu gagnerais » to the
// simulator, asks for a 17-year-old's second year, reads the answer, then
// the English page; every page passes axe and the 360 px check.
func TestJourneySimulateAnApprenticeshipPay(t *testing.T) {
	m := startDemoPlatform(t)
	b := browsertest.New(t)
	b.Visit(m.URL() + "/offres?type=apprenticeship")
	b.Click(".hits .card h3 a")
	b.Click("a[href^='/alternance/simulateur']")
	expectPage(t, b, "/alternance/simulateur", m.Catalog.T("fr", "simulator.title"))
	b.CheckPage()
	b.Fill("#age", "17")
	b.Choose("#annee", "2")
	b.Click("form[action='/alternance/simulateur'] button[type=submit]")
	if got := b.Text("#resultat + dl"); !strings.Contains(got, "39\u00a0% du SMIC") {
		t.Errorf("result %q lacks the second year's 39 %%", got)
	}
	b.CheckPage()
	b.Visit(m.URL() + "/alternance/simulateur?contrat=professionnalisation&age=19&lang=en")
	expectPage(t, b, "/alternance/simulateur", m.Catalog.T("en", "simulator.title"))
	if got := b.Text("#resultat + dl"); !strings.Contains(got, "55% of the SMIC") {
		t.Errorf("English result %q", got)
	}
	b.CheckPage()
}

// A visitor goes from the home page to the discovery of a family and of the
// ESS, prints a family's sheet, and finds a visit of the family.
func TestJourneyDiscoverAFamilyAndTheESS(t *testing.T) {
	m := startDemoPlatform(t)
	b := browsertest.New(t)
	b.Visit(m.URL() + "/")
	b.Click(".programmes a[href='/decouvrir']")
	expectPage(t, b, "/decouvrir", m.Catalog.T("fr", "discover.title"))
	b.CheckPage()
	b.Click("a.space[href='/decouvrir/informatique']")
	expectPage(t, b, "/decouvrir/informatique", "Découvrir : Informatique")
	b.CheckPage()
	if b.Attr("a[href='/decouvrir/informatique/fiche.pdf']", "href") == "" {
		t.Error("no printable sheet")
	}
	b.Click("#visites-ouvertes .card h4 a")
	if !strings.Contains(strings.ToLower(b.Text(".card-type")), "visite") {
		t.Errorf("the family's visit leads to %q", b.Text("h1"))
	}
	b.Visit(m.URL() + "/decouvrir/ess")
	expectPage(t, b, "/decouvrir/ess", m.Catalog.T("fr", "discover.ess.title"))
	b.CheckPage()
	b.Visit(m.URL() + "/decouvrir/petite-enfance?lang=en")
	expectPage(t, b, "/decouvrir/petite-enfance", "Discover: Early childhood")
	b.CheckPage()
}

// The demo youth answers « Quel métier pour moi ? » from her space, saves
// the leads, opens the discovery page of the first one and finds a visit.
func TestJourneyYouthQuizToAVisit(t *testing.T) {
	m, b, _ := demoSignedIn(t, "jeune")
	b.Visit(m.URL() + "/jeunes")
	b.Click(".discover-nav a[href='/quel-metier']")
	expectPage(t, b, "/quel-metier", m.Catalog.T("fr", "quiz.title"))
	b.CheckPage()
	for _, q := range discover.Questions {
		answer := "non"
		if q.ID == "cooking" || q.ID == "hands" || q.ID == "early" {
			answer = "oui"
		}
		b.ClickInPage("input[name=q_" + q.ID + "][value=" + answer + "]")
	}
	b.Click("form[action='/quel-metier'] button[type=submit]")
	if got := b.Text("#propositions + article h3"); got != "Métiers de bouche" {
		t.Fatalf("first lead %q", got)
	}
	b.CheckPage()
	results := b.URL()
	b.Click("form[action='/quel-metier/enregistrer'] button")
	expectPage(t, b, "/quel-metier/enregistrer", m.Catalog.T("fr", "quiz.saved.title"))
	b.Visit(results)
	b.Click("#propositions + article a[href='/decouvrir/metiers-de-bouche']")
	expectPage(t, b, "/decouvrir/metiers-de-bouche", "Découvrir : Métiers de bouche")
	b.Click("#visites-ouvertes .card h4 a")
	if !strings.Contains(strings.ToLower(b.Text(".card-type")), "visite") {
		t.Errorf("the family's visit leads to %q", b.Text("h1"))
	}
}

// A counsellor plans a class's journey from the space, books a visit of
// the family from it, and gets the class sheet; then an employer's testimony
// is published (employerWritesATestimonyThatStaffPublish).
func TestJourneyCounsellorPlansAClass(t *testing.T) {
	m, b, passwords := demoSignedIn(t, "conseiller")
	b.Visit(m.URL() + "/etablissements")
	b.Click(".link-list a[href='/decouvrir/informatique/classe']")
	expectPage(t, b, "/decouvrir/informatique/classe", "Le parcours d'une classe : Informatique")
	b.CheckPage()
	sheet := b.Attr("a[href$='/fiche.pdf']", "href")
	resp, err := http.Get(m.URL() + sheet)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !bytes.HasPrefix(body, []byte("%PDF-")) {
		t.Errorf("class sheet %s: status %d, %d bytes", sheet, resp.StatusCode, len(body))
	}
	b.Click("#etape-visiter ~ ul a[href$='/creneaux']")
	b.CheckPage()
	if b.Count("a[href^='/visites/']") == 0 {
		t.Errorf("no session to book on %s", b.URL())
	}
	b.Submit("form[action='/deconnexion']")
	employerWritesATestimonyThatStaffPublish(t, m, b, passwords)
}

// The demo employer writes a testimony from the organisation's page; staff
// find it from their space and publish it; it shows on the public page.
func employerWritesATestimonyThatStaffPublish(t *testing.T, m *Main, b *browsertest.Browser, passwords map[string]string) {
	t.Helper()
	signIn(t, m, b, "employeur@"+demo.EmailDomain, passwords["employeur@"+demo.EmailDomain])
	b.Visit(m.URL() + "/employeurs")
	b.Click("a[href^='/organisations/']:not([href$='/nouvelle'])")
	b.CheckPage()
	public := "/employeurs-du-92/" + strings.TrimPrefix(b.URL()[len(m.URL()):], "/organisations/")
	b.Fill("#author", "Inès, apprentie")
	b.Choose("#testimony", "Mon tuteur m'a tout appris, pas à pas.")
	b.Submit("form[action$='/temoignages']")
	if got := b.Text("p[role=status]"); !strings.Contains(got, "témoignage est envoyé") {
		t.Fatalf("after writing the testimony: %q", got)
	}
	b.Submit("form[action='/deconnexion']")
	signIn(t, m, b, "agent@"+demo.EmailDomain, passwords["agent@"+demo.EmailDomain])
	b.Visit(m.URL() + "/agents")
	b.Click("a[href='/agents/temoignages']")
	b.CheckPage()
	b.Submit("form[action$='/publication']")
	if got := b.Text("p[role=status]"); !strings.Contains(got, "Témoignage publié") {
		t.Fatalf("after publishing: %q", got)
	}
	b.Visit(m.URL() + public)
	if got := b.Text("#temoignages + ul"); !strings.Contains(got, "Mon tuteur m'a tout appris") {
		t.Errorf("public page %s testimonies: %q", public, got)
	}
	b.CheckPage()
}
