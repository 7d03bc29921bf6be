package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
)

func (f *fixture) association(t *testing.T, id string) {
	t.Helper()
	org := domain.Organisation{ID: id, Kind: domain.KindAssociation, Name: "Les Paniers " + id, RNA: "W921234567",
		CommuneCode: "92050", Address: "1 rue de la Paix, 92000 Nanterre", CreatedAt: f.now}
	if err := f.db.InsertOrganisations(context.Background(), []domain.Organisation{org}); err != nil {
		t.Fatal(err)
	}
}

func (f *fixture) demoCall(t *testing.T) domain.Call {
	t.Helper()
	calls, err := f.db.OpenCalls(context.Background(), f.now)
	if err != nil || len(calls) == 0 {
		t.Fatalf("no open demo call: %v", err)
	}
	return calls[0]
}

// upload posts a file to the attachments step as a browser does.
func (v *visitor) upload(t *testing.T, path, kind, name string, data []byte) (*http.Response, string) {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	_ = w.WriteField("_csrf", v.csrf)
	_ = w.WriteField("kind", kind)
	part, _ := w.CreateFormFile("file", name)
	_, _ = part.Write(data)
	_ = w.Close()
	req := httptest.NewRequest(http.MethodPost, path, &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return v.do(t, req)
}

func TestApplicantDraftsStepByStepAndSubmits(t *testing.T) {
	f := newFixture(t)
	f.association(t, "asso-1")
	call := f.demoCall(t)
	alice := f.signedInUser(t, "alice", domain.RoleApplicant, "asso-1")
	_, body := alice.get(t, "/progress/appels/"+call.ID)
	wantContains(t, body, call.Title, "Les Paniers asso-1", "Commencer ou reprendre le dossier")
	resp, _ := alice.post(t, "/progress/appels/"+call.ID+"/candidature", url.Values{"organisation": {"asso-1"}})
	wantStatus(t, resp, http.StatusSeeOther)
	file := strings.TrimSuffix(resp.Header.Get("Location"), "/etapes/identite")
	_, body = alice.get(t, file+"/etapes/identite")
	wantContains(t, body, `value="Les Paniers asso-1"`, `value="W921234567"`)

	project := url.Values{"title": {"Épicerie solidaire mobile"}, "summary": {"Une épicerie qui se déplace."},
		"description": {"Un camion aménagé dessert les quartiers sans commerce."}, "publics": {"Familles\nÉtudiants"},
		"communes": {"92050"}, "axes": {call.Axes[2]}, "starts_on": {"2027-01-15"}, "ends_on": {"2027-12-31"},
		"indicators": {"Familles servies : 120"}, "next": {"1"}}
	resp, _ = alice.post(t, file+"/etapes/projet", project)
	wantStatus(t, resp, http.StatusSeeOther)

	budget := url.Values{"expense_label_0": {"Camion"}, "expense_amount_0": {"20 000"},
		"resource_label_0": {"PROGR'ESS"}, "resource_amount_0": {"douze mille"}, "resource_kind_0": {"progress"},
		"resource_label_1": {"Fondation"}, "resource_amount_1": {"8 000"}, "resource_kind_1": {"cofunding"}, "resource_funder_1": {"Fondation de France"}}
	resp, body = alice.post(t, file+"/etapes/budget", budget)
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, `id="resource_amount_0-error"`, "Indiquez un montant en euros", `value="douze mille"`, `value="Fondation de France"`)
	budget.Set("resource_amount_0", "12 000")
	resp, _ = alice.post(t, file+"/etapes/budget", budget)
	wantStatus(t, resp, http.StatusSeeOther)

	alice.get(t, file+"/etapes/pieces")
	resp, body = alice.upload(t, file+"/etapes/pieces", "statutes", "statuts.pdf", []byte("<html>pas un PDF</html>"))
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, `id="file-error"`, "Seuls les fichiers PDF, PNG et JPEG")
	for _, kind := range call.RequiredDocuments {
		resp, _ = alice.upload(t, file+"/etapes/pieces", string(kind), string(kind)+".pdf", []byte("%PDF-1.4\n%%EOF\n"))
		wantStatus(t, resp, http.StatusSeeOther)
	}
	_, body = alice.get(t, file)
	wantContains(t, body, "Votre dossier est complet", "Déposer mon dossier")
	resp, _ = alice.post(t, file+"/depot", url.Values{})
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = alice.get(t, file)
	wantContains(t, body, "Déposé", "accuse-reception.pdf")
	resp, body = alice.get(t, file+"/accuse-reception.pdf")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(body, "%PDF-") {
		t.Errorf("receipt: %d %q", resp.StatusCode, body[:min(20, len(body))])
	}

	bob := f.signedInUser(t, "bob", domain.RoleApplicant, "asso-2")
	for _, path := range []string{file, file + "/etapes/budget", file + "/accuse-reception.pdf"} {
		resp, _ = bob.get(t, path)
		wantStatus(t, resp, http.StatusNotFound)
	}
	staff := f.staffVisitor(t)
	_, body = staff.get(t, "/agents/progress/appels/"+call.ID+"/dossiers")
	wantContains(t, body, "Épicerie solidaire mobile", "Déposé : 1")
	resp, _ = staff.post(t, "/agents/progress/dossiers/"+strings.TrimPrefix(file, "/progress/dossiers/")+"/instruction", url.Values{})
	wantStatus(t, resp, http.StatusSeeOther)
	checkExports(t, staff, call.ID)
	staffReadsTheChangedBudget(t, staff, alice, file, budget)
}

// After a request for information on the budget and the applicant's
// answer, staff read what changed as a table of fields in euros, as the
// file shows them, with no JSON, cents or ids.
func staffReadsTheChangedBudget(t *testing.T, staff, applicant *visitor, file string, budget url.Values) {
	t.Helper()
	staffFile := "/agents/progress/dossiers/" + strings.TrimPrefix(file, "/progress/dossiers/")
	resp, _ := staff.post(t, staffFile+"/informations", url.Values{"points": {"budget"},
		"message": {"Détaillez le coût du camion."}, "deadline": {"2026-12-10T12:00"}})
	wantStatus(t, resp, http.StatusSeeOther)
	budget.Set("expense_amount_0", "22 000")
	budget.Set("resource_amount_1", "10 000")
	resp, _ = applicant.post(t, file+"/etapes/budget", budget)
	wantStatus(t, resp, http.StatusSeeOther)
	resp, _ = applicant.post(t, file+"/reponse", url.Values{"reply": {"Le camion coûte plus cher."}})
	wantStatus(t, resp, http.StatusSeeOther)
	_, body := staff.get(t, staffFile)
	wantContains(t, body, `<th scope="row">Dépenses</th>`, "<del>Camion : 20\u202f000\u00a0€</del>", "<ins>Camion : 22\u202f000\u00a0€</ins>",
		`<th scope="row">Ressources</th>`, "Numéro RNA (association)")
	checkHumanText(t, staffFile, body)
}

func checkExports(t *testing.T, staff *visitor, callID string) {
	t.Helper()
	base := "/agents/progress/appels/" + callID
	_, body := staff.get(t, base+"/tableau-de-bord")
	wantContains(t, body, `<svg class="chart"`, "En instruction", "Nanterre")
	resp, body := staff.get(t, base+"/exports/dossiers.csv")
	wantStatus(t, resp, http.StatusOK)
	wantContains(t, body, "\ufeffreference;organisation;projet", "Épicerie solidaire mobile;in_review")
	resp, body = staff.get(t, base+"/exports/decisions.xlsx")
	wantStatus(t, resp, http.StatusOK)
	z, err := zip.NewReader(strings.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatalf("xlsx is no zip: %v", err)
	}
	sheet, err := z.Open("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	xml, _ := io.ReadAll(sheet)
	wantContains(t, string(xml), ">submitted<", ">in_review<")
	resp, _ = staff.get(t, base+"/exports/passwords.csv")
	wantStatus(t, resp, http.StatusNotFound)
}

// TestAwardOverTheCapIsRefusedNextToTheAmount: staff type more than the
// request; the page comes back with the message and nothing is committed.
func TestAwardOverTheCapIsRefusedNextToTheAmount(t *testing.T) {
	f := newFixture(t)
	call := f.demoCall(t)
	requested := domain.Euros(9_000)
	g := domain.GrantApplication{ID: "file-1", CallID: call.ID, OrganisationID: "org-x", CreatedBy: "someone",
		State: domain.GrantSelected, EditorIDs: []string{}, Attachments: []domain.Attachment{}, History: []domain.StateChange{},
		Content: domain.GrantContent{Project: domain.Project{Title: "Repair café"}, Budget: domain.BudgetPlan{
			Expenses:  []domain.BudgetLine{{Label: "Outils", Amount: requested}},
			Resources: []domain.BudgetLine{{Label: "PROGR'ESS", Amount: requested, Kind: domain.ResourceRequest}}}}}
	if err := f.db.InsertGrant(context.Background(), g); err != nil {
		t.Fatal(err)
	}
	staff := f.staffVisitor(t)
	staff.get(t, "/agents/progress/dossiers/file-1")
	// While the call takes files, neither the award nor the laureates' publication.
	resp, body := staff.post(t, "/agents/progress/dossiers/file-1/attribution", url.Values{"amount": {"9 000"}})
	wantStatus(t, resp, http.StatusConflict)
	wantContains(t, body, "L'appel à projets n'est pas encore clos")
	resp, body = staff.post(t, "/agents/progress/appels/"+call.ID+"/publication", url.Values{"publish": {"1"}})
	wantStatus(t, resp, http.StatusConflict)
	wantContains(t, body, "L'appel à projets n'est pas encore clos")
	if after, _ := f.db.CallByID(context.Background(), call.ID); after.Committed != 0 || after.LaureatesPublished {
		t.Fatalf("written before the close: %+v", after)
	}
	call.OpensAt, call.ClosesAt = f.now.AddDate(0, -2, 0), f.now.Add(-time.Hour)
	if err := f.db.SaveCall(context.Background(), call); err != nil {
		t.Fatal(err)
	}
	resp, body = staff.post(t, "/agents/progress/dossiers/file-1/attribution", url.Values{"amount": {"9 000,01"}})
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, `id="amount-error"`, "Ce montant dépasse la subvention demandée.")
	if after, _ := f.db.CallByID(context.Background(), call.ID); after.Committed != 0 {
		t.Errorf("committed %d after a refused award", after.Committed)
	}
	resp, _ = staff.post(t, "/agents/progress/dossiers/file-1/attribution", url.Values{"amount": {"9 000"}})
	wantStatus(t, resp, http.StatusSeeOther)
	if after, _ := f.db.CallByID(context.Background(), call.ID); after.Committed != requested {
		t.Errorf("committed %d, want %d", after.Committed, requested)
	}
	// A batch action that cannot move the awarded file names it.
	resp, _ = staff.post(t, "/agents/progress/appels/"+call.ID+"/lot", url.Values{"files": {"file-1"}, "to": {"rejected"}, "reason": {"Hors sujet"}})
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = staff.get(t, resp.Header.Get("Location"))
	wantContains(t, body, "Ces dossiers n'ont pas pu changer d'état", "<li>Repair café</li>")
}

func TestStaffCreatesACallWithParisInstants(t *testing.T) {
	f := newFixture(t)
	staff := f.staffVisitor(t)
	_, body := staff.get(t, "/agents/progress/appels/nouveau")
	wantContains(t, body, `id="closes_at"`, `type="datetime-local"`)
	form := url.Values{"title": {"PROGR'ESS 2027"}, "theme": {"Se déplacer"}, "rules": {"Règlement"}, "budget": {"100 000"},
		"max_award": {"15 000"}, "opens_at": {"2027-03-01T09:00"}, "closes_at": {"2027-03-28T02:30"},
		"legal_forms": {"association", "esus"}, "territory": {"seat_or_action"},
		"criterion_key_0": {"impact"}, "criterion_label_0": {"Impact social"}, "criterion_weight_0": {"100"},
		"axes": {"Observer", "Former", "Soutenir", "Valoriser"}, "required_documents": {"statutes"},
		"min_reviewers": {"2"}, "disagreement_spread": {"25"}}
	resp, body := staff.post(t, "/agents/progress/appels", form)
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, `id="closes_at-error"`, "passage à l'heure d'été", `value="PROGR'ESS 2027"`)
	form.Set("closes_at", "2027-03-28T03:00")
	resp, _ = staff.post(t, "/agents/progress/appels", form)
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = staff.get(t, resp.Header.Get("Location"))
	wantContains(t, body, `value="2027-03-28T03:00"`, "Enregistré.")
}
