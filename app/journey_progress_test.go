package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"passerelle/app/account"
	"passerelle/app/demo"
	"passerelle/app/domain"
	"passerelle/app/mail/mailtest"
	"passerelle/app/signature/signaturetest"
	"passerelle/app/web/browsertest"
)

// firstOpenCall is the demo's open call for projects.
func firstOpenCall(t *testing.T, m *Main) domain.Call {
	t.Helper()
	calls, err := m.DB.OpenCalls(t.Context(), m.Now())
	if err != nil || len(calls) == 0 {
		t.Fatalf("no open call: %v", err)
	}
	return calls[0]
}

// Text areas are set with Choose: chromedp cannot clear an empty one.

// The PROGR'ESS journey: an association drafts its file, leaves, comes back
// and submits; staff declares it eligible and assigns two reviewers; both
// score; staff compares the allocations, awards, and the laureates page
// shows the project; the grant agreement is signed online by the
// association, then the agent, from their emails, and the payment recorded. Every page passes axe and the 360 px check.
func TestJourneyProgressFromDraftToLaureate(t *testing.T) {
	var report bytes.Buffer
	m := startDemoPlatformTo(t, &report)
	passwords := demoPasswords(t, report.String())
	call := firstOpenCall(t, m)
	secondReviewer := makeReviewer(t, m, "employeur@"+demo.EmailDomain)

	b := browsertest.New(t)
	file := applicantSubmits(t, m, b, call, passwords["porteur@"+demo.EmailDomain])
	staff := b.Session()
	signIn(t, m, staff, "agent@"+demo.EmailDomain, passwords["agent@"+demo.EmailDomain])
	staffDeclaresEligibleAndAssigns(t, m, staff, file, secondReviewer)
	for _, email := range []string{"jury@" + demo.EmailDomain, "employeur@" + demo.EmailDomain} {
		reviewer := b.Session()
		signIn(t, m, reviewer, email, passwords[email])
		reviewerScores(t, m, reviewer, call, file)
	}
	staffAwardsAndPublishes(t, m, staff, call, file)
	agreementSignedThenPaid(t, m, staff, b.Session(), file)
	visitor := b.Session()
	visitor.Visit(m.URL() + "/progress/appels/" + call.ID + "/laureats")
	visitor.CheckPage()
	if got := visitor.Text("tbody"); !strings.Contains(got, "Épicerie mobile des Hauts") || !strings.Contains(got, "12") {
		t.Errorf("laureates page: %q", got)
	}
	expectNotices(t, m, file)
}

// expectNotices delivers the queued emails and finds, once each, the
// acknowledgement with its PDF receipt, the decision and the award.
func expectNotices(t *testing.T, m *Main, file string) {
	t.Helper()
	if _, err := m.Notify.Deliver(t.Context(), 100); err != nil {
		t.Fatal(err)
	}
	emails, _ := filepath.Glob(filepath.Join(m.Config.DataPath("outbox"), "*.eml"))
	found := map[string]int{}
	for _, path := range emails {
		raw, _ := os.ReadFile(path)
		for _, mark := range []string{"accuse-reception-" + file + ".pdf", "Projet class=C3=A9 premier", "est attribu=C3=A9e"} {
			if strings.Contains(string(raw), mark) {
				found[mark]++
			}
		}
	}
	if len(found) != 3 || found["accuse-reception-"+file+".pdf"] != 1 {
		t.Errorf("notices found %v among %d emails", found, len(emails))
	}
}

// makeReviewer gives the demo employer the reviewer role too, as staff would.
func makeReviewer(t *testing.T, m *Main, email string) *domain.User {
	t.Helper()
	ctx := t.Context()
	u, err1 := m.DB.UserByEmail(ctx, email)
	admin, err2 := m.DB.UserByEmail(ctx, "admin@"+demo.EmailDomain)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	roles := append(u.Roles, domain.RoleReviewer)
	if err := m.Accounts.ChangeRoles(ctx, u.ID, roles, admin, account.Client{IP: "192.0.2.9"}); err != nil {
		t.Fatal(err)
	}
	return u
}

func applicantSubmits(t *testing.T, m *Main, b *browsertest.Browser, call domain.Call, password string) string {
	t.Helper()
	signIn(t, m, b, "porteur@"+demo.EmailDomain, password)
	b.Visit(m.URL() + "/progress/appels/" + call.ID)
	b.CheckPage()
	b.Submit("form[action$='/candidature'] button")
	b.CheckPage()
	file := strings.TrimSuffix(b.URL(), "/etapes/identite")
	b.Fill("#contact_phone", "01 47 29 30 31")
	b.Click("button[name=next]")
	b.Fill("#title", "Épicerie mobile des Hauts")
	b.Choose("#summary", "Une épicerie solidaire qui va vers les quartiers sans commerce.")
	b.ClickInPage("#commune-92050")
	b.Click("form[action$='/etapes/projet'] button:not([name])") // save the draft without going on
	b.Visit(m.URL() + "/")                                       // leave…
	b.Visit(m.URL() + "/progress/dossiers")                      // …and come back
	b.CheckPage()
	b.Click("tbody a")
	b.Click("a[href$='/etapes/projet']")
	if got := b.Attr("#title", "value"); got != "Épicerie mobile des Hauts" {
		t.Fatalf("the draft lost the title: %q", got)
	}
	fillProject(b)
	b.CheckPage()
	b.Click("button[name=next]")
	fillBudget(b)
	b.CheckPage()
	b.Click("button[name=next]")
	attachDocuments(t, b, call)
	b.Click("a[href='" + strings.TrimPrefix(file, m.URL()) + "']")
	b.CheckPage()
	b.Submit("form[action$='/depot'] button")
	if got := b.Text(".badge"); got != "Déposé" {
		t.Fatalf("after submission the file is %q", got)
	}
	return strings.TrimPrefix(file, m.URL()+"/progress/dossiers/")
}

func fillProject(b *browsertest.Browser) {
	b.Choose("#description", "Un camion aménagé dessert chaque semaine six quartiers prioritaires.")
	b.Choose("#publics", "Familles monoparentales\nPersonnes âgées isolées")
	b.ClickInPage("#axis-2")
	b.Choose("#starts_on", "2027-01-15")
	b.Choose("#ends_on", "2027-12-31")
	b.Choose("#indicators", "Familles servies par semaine : 120")
}

func fillBudget(b *browsertest.Browser) {
	b.Fill("#expense_label_0", "Aménagement du camion")
	b.Fill("#expense_amount_0", "20 000")
	b.Fill("#resource_label_0", "Subvention PROGR'ESS")
	b.Fill("#resource_amount_0", "12 000")
	b.Fill("#resource_label_1", "Fondation de France")
	b.Fill("#resource_amount_1", "8 000")
	b.Choose("#resource_kind_1", "cofunding")
	b.Fill("#resource_funder_1", "Fondation de France")
}

func attachDocuments(t *testing.T, b *browsertest.Browser, call domain.Call) {
	t.Helper()
	pdf := filepath.Join(t.TempDir(), "piece.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	b.CheckPage()
	for _, kind := range call.RequiredDocuments {
		if kind == domain.DocESUSAgreement {
			continue // an association has none
		}
		b.Choose("#kind", string(kind))
		b.Upload("#file", pdf)
		b.Submit("#file")
	}
}

func staffDeclaresEligibleAndAssigns(t *testing.T, m *Main, b *browsertest.Browser, file string, second *domain.User) {
	t.Helper()
	jury, err := m.DB.UserByEmail(t.Context(), "jury@"+demo.EmailDomain)
	if err != nil {
		t.Fatal(err)
	}
	b.Visit(m.URL() + "/agents/progress/dossiers/" + file)
	b.CheckPage()
	b.Submit("form[action$='/instruction'] button")
	for _, check := range []string{"legal_form", "territory", "documents", "budget", "purpose"} {
		b.ClickInPage("#check-" + check)
	}
	b.Submit("form[action$='/eligibilite'] button")
	b.ClickInPage("#rv-" + jury.ID)
	b.ClickInPage("#rv-" + second.ID)
	b.Submit("form[action$='/evaluateurs'] button")
	b.CheckPage()
}

func reviewerScores(t *testing.T, m *Main, b *browsertest.Browser, call domain.Call, file string) {
	t.Helper()
	b.Visit(m.URL() + "/jury")
	b.CheckPage()
	b.Click("a[href='/jury/dossiers/" + file + "']")
	b.CheckPage()
	for _, c := range call.Criteria {
		b.ClickInPage("#score_" + c.Key + "-4")
	}
	b.ClickInPage("#rec-fund")
	b.Choose("#comment", "Projet utile et bien construit.")
	b.Submit("form[action$='/evaluation'] button")
	b.CheckPage()
}

func staffAwardsAndPublishes(t *testing.T, m *Main, b *browsertest.Browser, call domain.Call, file string) {
	t.Helper()
	b.Visit(m.URL() + "/agents/progress/dossiers/" + file)
	b.Submit("form[action$='/notation'] button")
	b.Visit(m.URL() + "/agents/progress/appels/" + call.ID + "/dossiers")
	b.CheckPage()
	b.Visit(m.URL() + "/agents/progress/dossiers/" + file)
	b.Choose("#decision-to", "selected")
	b.Choose("#decision-reason", "Projet classé premier par le jury.")
	b.Submit("form[action$='/decision'] button")
	// While the call takes files the server refuses the award, with the reason.
	b.Fill("#award-reason", "Montant demandé")
	b.ExpectStatus(409)
	b.Submit("form[action$='/attribution'] button")
	if got := b.Text("main"); !strings.Contains(got, "pas encore clos") {
		t.Fatalf("award before the close: %q", got)
	}
	b.CheckPage()
	closed, err := m.DB.CallByID(t.Context(), call.ID)
	if err != nil {
		t.Fatal(err)
	}
	closed.ClosesAt = time.Now().Add(-time.Minute)
	if err := m.DB.SaveCall(t.Context(), *closed); err != nil {
		t.Fatal(err)
	}
	b.Visit(m.URL() + "/agents/progress/dossiers/" + file)
	b.Fill("#award-reason", "Montant demandé")
	b.Submit("form[action$='/attribution'] button")
	if got := b.Text(".badge"); got != "Subvention attribuée" {
		t.Fatalf("after the award the file is %q", got)
	}
	b.CheckPage()
	b.Visit(m.URL() + "/agents/progress/appels/" + call.ID + "/tableau-de-bord")
	b.CheckPage()
	b.Visit(m.URL() + "/agents/progress/appels/" + call.ID + "/dossiers")
	b.Submit("form[action$='/publication'] button")
}

// agreementSignedThenPaid: the agent sends the agreement (a wrong address
// first, refused next to its field); the association's representative
// signs from the link and the code in the outbox, then the agent; the file
// is « convention signée » only then, and the payment can be recorded.
func agreementSignedThenPaid(t *testing.T, m *Main, staff, rep *browsertest.Browser, file string) {
	t.Helper()
	staff.Visit(m.URL() + "/agents/progress/dossiers/" + file)
	if staff.Count("form[action$='/paiement']") != 0 {
		t.Fatal("payment offered before the agreement")
	}
	repEmail, agentEmail := "presidence@epicerie-mobile.test", "agent@"+demo.EmailDomain
	staff.Fill("#representative_name", "Nadia Benali")
	staff.Fill("#representative_email", "nadia-at-epicerie")
	staff.Choose("#report_on", time.Now().AddDate(1, 0, 0).Format(time.DateOnly))
	staff.ExpectStatus(422)
	staff.Submit("form[action$='/convention'] button")
	if got := staff.Text("#representative_email-error"); !strings.Contains(got, "adresse électronique valide") {
		t.Fatalf("a wrong address: %q", got)
	}
	staff.CheckPage()
	staff.Fill("#representative_email", repEmail)
	staff.Submit("form[action$='/convention'] button")
	if got := staff.Text("main"); !strings.Contains(got, "En cours de signature") || !strings.Contains(got, "Nadia Benali") {
		t.Fatalf("after sending the agreement: %q", got)
	}
	staff.CheckPage()
	partySigns(t, m, rep, repEmail, "Nadia Benali")
	staff.Visit(m.URL() + "/agents/progress/dossiers/" + file)
	if got := staff.Text(".badge"); got != "Subvention attribuée" {
		t.Fatalf("signed by the association only, the file is %q", got)
	}
	partySigns(t, m, staff, agentEmail, "Camille Agent")
	staff.Visit(m.URL() + "/agents/progress/dossiers/" + file)
	if got := staff.Text(".badge"); got != "Convention signée" {
		t.Fatalf("after both signatures the file is %q", got)
	}
	staff.Submit("form[action$='/paiement'] button")
	if got := staff.Text(".badge"); got != "Versé" {
		t.Fatalf("after the payment the file is %q", got)
	}
	staff.Visit(m.URL() + "/agents/signatures?kind=grant_agreement&state=completed")
	staff.CheckPage()
	if got := staff.Text("tbody"); !strings.Contains(got, "Nadia Benali") || !strings.Contains(got, "Épicerie mobile des Hauts") {
		t.Fatalf("staff overview: %q", got)
	}
	staff.Visit(m.URL() + "/signatures")
	staff.CheckPage()
}

// partySigns opens the newest signing link emailed to addr, asks for a
// code, reads it in the outbox and signs under name.
func partySigns(t *testing.T, m *Main, b *browsertest.Browser, addr, name string) {
	t.Helper()
	outbox := m.Config.DataPath("outbox")
	b.Visit(m.URL() + "/signature/" + signaturetest.Link(t, mailtest.ReadOutbox(t, outbox), addr))
	b.CheckPage()
	b.Submit("form[action$='/code'] button")
	b.Fill("#name", name)
	b.Fill("#code", signaturetest.Code(t, mailtest.ReadOutbox(t, outbox), addr))
	b.ClickInPage("#consent")
	b.Submit("form.form[novalidate] button")
	if got := b.Text("main"); !strings.Contains(got, "signature est enregistrée") { // « Ta » for the pupil, « Votre » for the others
		t.Fatalf("%s signing: %q", addr, got)
	}
	b.CheckPage()
}
