package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/refdata"
	"passerelle/app/signature/signaturetest"
)

// TestInternshipAgreementPages: the employer of an accepted application to
// a 3e internship prepares the agreement (a wrong UAI refused in French,
// next to its field, nothing sent), the parties are invited, the youth
// follows it, another employer sees nothing.
func TestInternshipAgreementPages(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	org := domain.Organisation{ID: "org-stage", Kind: domain.KindCompany, Name: "Atelier Numérique", SIRET: "73282932000074", CommuneCode: "92050"}
	offer := &domain.Offer{ID: "offer-stage", OrganisationID: org.ID, Type: domain.OfferInternship3e, Title: "Stage d'observation en atelier",
		Status: domain.OfferPublished, CommuneCode: "92050"}
	youth := domain.Youth{ID: "ines", FirstName: "Inès", BirthDate: time.Date(2012, 5, 1, 0, 0, 0, 0, domain.Paris)}
	app := &domain.Application{ID: domain.ApplicationID(offer.ID, youth.ID), OfferID: offer.ID, OfferTitle: offer.Title,
		OrganisationID: org.ID, YouthID: youth.ID, YouthName: "Inès Benali", YouthEmail: "ines@eleve.test", Status: domain.ApplicationAccepted}
	for _, err := range []error{f.db.InsertOrganisations(ctx, []domain.Organisation{org}), f.db.InsertOffer(ctx, offer),
		f.db.InsertYouths(ctx, []domain.Youth{youth}), f.db.InsertApplication(ctx, app)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	employer := f.signedInUser(t, "rh", domain.RoleEmployer, org.ID)
	page := "/conventions/" + app.ID
	resp, body := employer.get(t, page)
	wantStatus(t, resp, http.StatusOK)
	wantContains(t, body, "Préparer la convention", "Stage d'observation en atelier", `value="rh@asso.test"`)
	form := url.Values{"school_uai": {"0000000X"}, "school_head_name": {"M. Proviseur"}, "school_head_email": {"ce@college.test"},
		"teacher_name": {"Mme Prof"}, "teacher_email": {"prof@college.test"}, "guardian_name": {"Samia Benali"},
		"guardian_email": {"samia@famille.test"}, "signatory_name": {"Rémi RH"}, "signatory_email": {"rh@asso.test"},
		"tutor_name": {"Tom Tuteur"}, "tutor_email": {"tuteur@atelier.test"}, "starts": {"2026-12-07"}, "ends": {"2026-12-11"},
		"daily_hours": {"9 h – 16 h"}, "place": {"Nanterre"}, "tasks": {"Découverte de l'atelier."},
		"employer_insurer": {"MAIF 123"}, "school_insurer": {"Rectorat"}}
	resp, body = employer.post(t, page, form)
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, "Indiquez le code UAI d'un établissement", `value="Samia Benali"`)
	if n := len(f.mails.Messages()); n != 0 {
		t.Fatalf("%d emails sent for a refused agreement", n)
	}
	form.Set("school_uai", refdata.Colleges()[0].UAI)
	resp, _ = employer.post(t, page, form)
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = employer.get(t, page)
	wantContains(t, body, "en cours de signature", "Samia Benali", "Chef d'établissement", refdata.Colleges()[0].Name)
	invited := map[string]bool{}
	for _, m := range f.mails.Messages() {
		invited[m.To[0]] = true
		if strings.Contains(m.Subject, "Inès") || strings.Contains(m.Subject, "Atelier") {
			t.Fatalf("personal details in a subject: %q", m.Subject)
		}
	}
	if len(invited) != 5 || invited["ce@college.test"] {
		t.Fatalf("invited %v: the school head signs last", invited)
	}
	resp, body = employer.get(t, page+".pdf")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(body, "%PDF-") {
		t.Fatalf("PDF: %d", resp.StatusCode)
	}
	// The pupil is written to and signs in « tu ».
	for _, m := range f.mails.Messages() {
		if m.To[0] == "ines@eleve.test" && !strings.Contains(m.Text, "t'invite à signer") {
			t.Errorf("the pupil's invitation is not in « tu »: %q", m.Text)
		}
	}
	link := "/signature/" + signaturetest.Link(t, f.mails.Messages(), "ines@eleve.test")
	pupil := f.visitor()
	_, body = pupil.get(t, link)
	wantContains(t, body, "Tes prénom et nom", "Lis le document")
	resp, _ = pupil.post(t, link+"/code", url.Values{})
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = pupil.get(t, link)
	wantContains(t, body, "Un code vient de t'être envoyé")
	resp, _ = pupil.post(t, link, url.Values{"name": {"Inès Benali"}, "consent": {"1"},
		"code": {signaturetest.Code(t, f.mails.Messages(), "ines@eleve.test")}})
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = pupil.get(t, link)
	wantContains(t, body, "Ta signature est enregistrée", "Tu as signé ce document")
	ines := f.signedInUser(t, "ines", domain.RoleYouth)
	_, body = ines.get(t, page)
	wantContains(t, body, "en cours de signature")
	if strings.Contains(body, "Préparer la convention") {
		t.Error("the youth gets the employer's form")
	}
	other := f.signedInUser(t, "autre-rh", domain.RoleEmployer, "org-other")
	resp, _ = other.get(t, page)
	wantStatus(t, resp, http.StatusNotFound)
	// The counsellor of the structure that follows the youth follows the
	// signatures, without the document; another counsellor finds nothing.
	counsellor := f.signedInUser(t, "cpe", domain.RoleCounsellor, "struct-ines")
	if resp, _ := counsellor.get(t, page); resp.StatusCode != http.StatusNotFound {
		t.Fatalf("a counsellor of no structure of the youth's: %d", resp.StatusCode)
	}
	youth.StructureID = "struct-ines"
	if err := f.db.SaveYouth(ctx, youth); err != nil {
		t.Fatal(err)
	}
	resp, body = counsellor.get(t, page)
	wantStatus(t, resp, http.StatusOK)
	wantContains(t, body, "en cours de signature", "Samia Benali", "Inès Benali")
	if strings.Contains(body, page+".pdf") || strings.Contains(body, "Préparer la convention") {
		t.Error("the counsellor gets the document or the employer's form")
	}
	if resp, _ := counsellor.get(t, page+".pdf"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("the counsellor downloads the agreement: %d", resp.StatusCode)
	}
	if resp, _ := f.signedInUser(t, "autre-cpe", domain.RoleCounsellor, "struct-other").get(t, page); resp.StatusCode != http.StatusNotFound {
		t.Errorf("another counsellor reads the agreement: %d", resp.StatusCode)
	}
}
