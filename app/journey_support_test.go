package main

import (
	"strings"
	"testing"

	"passerelle/app/demo"
	"passerelle/app/web/browsertest"
)

// adviserStructure is the id of the demo adviser's structure.
func adviserStructure(t *testing.T, m *Main) string {
	t.Helper()
	u, err := m.DB.UserByEmail(t.Context(), "accompagnement@"+demo.EmailDomain)
	if err != nil || len(u.OrganisationIDs) != 1 {
		t.Fatalf("the demo adviser: %v %v", u, err)
	}
	return u.OrganisationIDs[0]
}

// supportJourney runs the accompaniment in a browser with the demo
// accounts: the holder discovers it and asks (after a refused attempt),
// staff give the request to the adviser's structure, the adviser follows it
// and writes to the holder; each page passes the checks and says what
// happened.
func supportJourney(t *testing.T, m *Main, b *browsertest.Browser, passwords map[string]string) {
	t.Helper()
	holder := b.Session()
	signIn(t, m, holder, "porteur@"+demo.EmailDomain, passwords["porteur@"+demo.EmailDomain])
	holder.Visit(m.URL() + "/progress")
	holder.Click("a[href='/accompagnement']")
	holder.CheckPage()
	holder.Click("a.button[href='/accompagnement/demande']")
	holder.Fill("#project", "Jardin partagé du Petit-Colombes")
	holder.Fill("#description", "Un jardin partagé cultivé avec les écoles et les habitants du quartier.")
	holder.ExpectStatus(422)
	holder.Submit("form[action='/accompagnement/demande']")
	if got := holder.Text("#stage-error"); got != m.Catalog.T("fr", "error.support.stage") {
		t.Fatalf("a request without its stage: %q", got)
	}
	holder.CheckPage()
	holder.ClickInPage("#stage-idea")
	holder.ClickInPage("#needs-premises")
	holder.Fill("#commune_code", "Colombes")
	holder.Submit("form[action='/accompagnement/demande']")
	if got := holder.Text(".flash"); got != m.Catalog.T("fr", "flash.support_asked") {
		t.Fatalf("after asking: %q at %s", got, holder.URL())
	}
	holder.CheckPage()
	request := holder.URL()

	staff := b.Session()
	signIn(t, m, staff, "agent@"+demo.EmailDomain, passwords["agent@"+demo.EmailDomain])
	staff.Visit(m.URL() + "/agents/accompagnement?statut=new")
	staff.CheckPage()
	staff.Visit(request)
	staff.Choose("#structure_id", adviserStructure(t, m))
	staff.Submit("form[action$='/attribution']")
	if got := staff.Text(".flash"); got != m.Catalog.T("fr", "flash.support_assigned") {
		t.Fatalf("after giving the request: %q", got)
	}

	adviser := b.Session()
	signIn(t, m, adviser, "accompagnement@"+demo.EmailDomain, passwords["accompagnement@"+demo.EmailDomain])
	adviser.Click(".cards a[href='" + request[len(m.URL()):] + "']")
	adviser.CheckPage()
	adviser.Fill("#message", "Bonjour, pouvons-nous nous voir au jardin mardi ?")
	adviser.Submit("form[action$='/message']")
	if got := adviser.Text(".flash"); got != m.Catalog.T("fr", "flash.support_written") {
		t.Fatalf("after writing: %q", got)
	}
	holder.Visit(request)
	if got := holder.Text(".thread"); !strings.Contains(got, "pouvons-nous nous voir au jardin mardi") {
		t.Errorf("the holder does not read the adviser's message: %q", got)
	}
}
