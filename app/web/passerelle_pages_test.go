package web_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"passerelle/app/domain"
)

// pageVisitor is a browser without JavaScript signed in as u.
func (u *apiUser) pageVisitor() *visitor {
	v := u.f.visitor()
	v.cookies["p92_session"] = u.session
	v.csrf = csrfFor(u.session)
	return v
}

// postMultipart posts a form with a file, as a browser does.
func (v *visitor) postMultipart(t *testing.T, path string, fields map[string]string, file, name string, data []byte) (*http.Response, string) {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	_ = w.WriteField("_csrf", v.csrf)
	for k, val := range fields {
		_ = w.WriteField(k, val)
	}
	if data != nil {
		part, _ := w.CreateFormFile(file, name)
		_, _ = part.Write(data)
	}
	_ = w.Close()
	req := httptest.NewRequest(http.MethodPost, path, &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return v.do(t, req)
}

var minimalPDF = []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\nstartxref\n9\n%%EOF\n")

// An employer posts a visit with two sessions, a counsellor books places for
// a class and downloads the .ics; a 16-year-old applies to an
// apprenticeship with a CV and the employer moves the application to
// interview — all through the pages' forms.
func TestPasserellePagesJourney(t *testing.T) {
	f := newFixture(t)
	p := f.programme(t)
	employer, counsellor, youth := p.employer.pageVisitor(), p.counsellor.pageVisitor(), p.youth.pageVisitor()

	_, body := employer.get(t, "/employeurs/offres/nouvelle")
	wantContains(t, body, "Nouvelle offre", "Boulangerie Éclair")
	form := url.Values{"organisation_id": {"api-company"}, "type": {"visit"}, "title": {"Une matinée au fournil"},
		"description": {"Les élèves suivent le boulanger du pétrin au four."}, "rome_codes": {"D1102"}, "commune_code": {"nanterre"},
		"age_min": {"15"}, "start_date": {"2026-12-10"}, "end_date": {"2027-01-20"}, "places": {"0"}}
	resp, _ := employer.post(t, "/employeurs/offres", form)
	wantStatus(t, resp, http.StatusSeeOther)
	desk := resp.Header.Get("Location")
	// The commune is given by its name, and a minimum age alone is enough.
	if o, err := f.db.OfferByID(context.Background(), strings.TrimPrefix(desk, "/employeurs/offres/")); err != nil ||
		o.CommuneCode != "92050" || o.AgeMin != 15 || o.AgeMax != domain.MaxYouthAge {
		t.Fatalf("offer from the form: %+v %v", o, err)
	}
	_, body = employer.get(t, desk+"/modifier")
	wantContains(t, body, `name="commune_code" type="text" autocomplete="off" list="communes-92" value="Nanterre"`, `<option value="Antony">`)
	for _, day := range []string{"2026-12-15", "2027-01-12"} {
		resp, body = employer.post(t, desk+"/creneaux", url.Values{"starts_at": {day + "T09:30"}, "ends_at": {day + "T11:30"},
			"capacity": {"30"}, "min_group": {"5"}, "max_group": {"30"}, "meeting_point": {"Accueil du fournil"}})
		wantStatus(t, resp, http.StatusSeeOther)
	}
	resp, body = employer.post(t, desk+"/creneaux", url.Values{"starts_at": {"2020-01-01T09:30"}, "ends_at": {"2020-01-01T11:30"},
		"capacity": {"30"}, "min_group": {"5"}, "max_group": {"30"}, "meeting_point": {"Accueil"}})
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, "Le créneau doit commencer dans le futur.", `<a href="#starts_at-error">`, `id="starts_at-error"`)

	sessions, _ := f.db.SessionsOfOffers(context.Background(), []string{strings.TrimPrefix(desk, "/employeurs/offres/")})
	if len(sessions) != 2 {
		t.Fatalf("%d sessions saved, want 2", len(sessions))
	}
	_, body = counsellor.get(t, "/offres/"+sessions[0].OfferID)
	wantContains(t, body, "/offres/"+sessions[0].OfferID+"/creneaux")
	_, body = counsellor.get(t, "/offres/"+sessions[0].OfferID+"/creneaux")
	wantContains(t, body, "/visites/"+sessions[0].ID+"/reserver", "/visites/"+sessions[1].ID+"/reserver")
	_, body = counsellor.get(t, "/visites/"+sessions[0].ID+"/reserver")
	wantContains(t, body, "Réserver une visite pour un groupe", "Collège Paul-Éluard")
	resp, _ = counsellor.post(t, "/visites/"+sessions[0].ID+"/reserver", url.Values{"structure_id": {"api-school"},
		"group_name": {"3e B"}, "group_level": {"3e"}, "seats": {"24"}, "adults": {"2"}, "request_key": {"k1"}})
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = counsellor.get(t, "/etablissements/reservations")
	// The list says which visit, of which company, when, where and for
	// whom; the flash says what the booking became.
	wantContains(t, body, "3e B", "confirmée", "Ajouter au calendrier", "Votre réservation est confirmée",
		"Une matinée au fournil", "Boulangerie Éclair", "Nanterre", "mardi 15 décembre 2026", "Accueil du fournil", "Collège Paul-Éluard")
	// The audit log names the booking by its visit and group, its state by its label.
	_, body = f.staffVisitor(t).get(t, "/agents/journal")
	wantContains(t, body, "Visite réservée pour un groupe (confirmée)", "Une matinée au fournil — 3e B")
	resp, _ = counsellor.post(t, "/visites/"+sessions[0].ID+"/reserver", url.Values{"structure_id": {"api-school"},
		"group_name": {"4e A"}, "group_level": {"4e"}, "seats": {"20"}, "adults": {"2"}, "request_key": {"k2"}, "waitlist": {"on"}})
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = counsellor.get(t, "/etablissements/reservations")
	// (The list is newest first, as the store's tests show; the fixture's
	// clock stands still, so both bookings here were made at one instant.)
	wantContains(t, body, "en liste d'attente", "4e A")
	_, body = employer.get(t, desk)
	wantContains(t, body, "mardi 15 décembre 2026 à 09 h 30</strong> — 3e B (3e), Collège Paul-Éluard")
	bookings, _ := f.db.Bookings(context.Background(), domain.BookingFilter{SessionID: sessions[0].ID})
	resp, ics := counsellor.get(t, "/api/v1/bookings/"+bookings[0].ID+"/calendar.ics")
	wantStatus(t, resp, http.StatusOK)
	wantContains(t, ics, "BEGIN:VCALENDAR", "DTSTART:20261215T083000Z", "LOCATION:Accueil du fournil")

	status, o := p.employer.call(t, "POST", "/api/v1/offers", f.offerBody("apprenticeship"))
	if status != http.StatusCreated {
		t.Fatalf("apprenticeship: %d %v", status, o)
	}
	offerID := o["id"].(string)
	_, body = youth.get(t, "/offres/"+offerID)
	wantContains(t, body, "/offres/"+offerID+"/candidater")
	resp, body = youth.postMultipart(t, "/offres/"+offerID+"/candidater", map[string]string{"message": "Bonjour"}, "cv", "cv.pdf", []byte("GIF89a fake"))
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, "Le CV doit être un fichier PDF.")
	resp, _ = youth.postMultipart(t, "/offres/"+offerID+"/candidater", map[string]string{"message": "Bonjour, je suis en 2nde."}, "cv", "cv.pdf", minimalPDF)
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = employer.get(t, "/employeurs/offres/"+offerID)
	wantContains(t, body, "api-youth", "envoyée", "CV (PDF)", "à répondre avant le")
	appID := domain.ApplicationID(offerID, "api-youth")
	resp, _ = employer.post(t, "/employeurs/candidatures/"+appID+"/statut", url.Values{"status": {"interview"}})
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = employer.get(t, "/employeurs/offres/"+offerID)
	wantContains(t, body, "reçue le 26 novembre 2026")
	_, body = youth.get(t, "/jeunes/candidatures")
	wantContains(t, body, "entretien", "envoyée le 26 novembre 2026")
	resp, cv := employer.get(t, "/api/v1/applications/"+appID+"/cv")
	if resp.StatusCode != http.StatusOK || cv != string(minimalPDF) || !strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") {
		t.Errorf("CV download: %d %q", resp.StatusCode, resp.Header.Get("Content-Disposition"))
	}
}

// The offer page tells a youth, before any form, whether they may apply and
// why not, where their application is once sent, and that a visit goes
// through their school.
func TestOfferPageSaysWhetherAYouthMayApply(t *testing.T) {
	f := newFixture(t)
	p := f.programme(t)
	youth := p.youth.pageVisitor()
	create := func(typ string, ageMin int) string {
		t.Helper()
		body := f.offerBody(typ)
		body["age_min"], body["age_max"] = ageMin, 25
		status, o := p.employer.call(t, "POST", "/api/v1/offers", body)
		if status != http.StatusCreated {
			t.Fatalf("create offer: %d %v", status, o)
		}
		return o["id"].(string)
	}
	adults, open := create("job", 18), create("apprenticeship", 16)
	_, body := youth.get(t, "/offres/"+adults)
	wantContains(t, body, "Cette offre s'adresse aux jeunes à partir de 18 ans : ton âge ne permet pas d'y candidater.")
	if strings.Contains(body, "/offres/"+adults+"/candidater") {
		t.Error("a youth of 16 is offered the form of an 18+ offer")
	}
	_, body = youth.get(t, "/offres/"+open)
	wantContains(t, body, "/offres/"+open+"/candidater")
	if strings.Contains(body, `id="eligibility"`) {
		t.Error("an eligible youth reads a refusal")
	}
	resp, _ := youth.postMultipart(t, "/offres/"+open+"/candidater", map[string]string{"message": "Bonjour"}, "", "", nil)
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = youth.get(t, "/offres/"+open)
	wantContains(t, body, "Tu as déjà candidaté à cette offre.", "/jeunes/candidatures/"+domain.ApplicationID(open, "api-youth"))
	_, body = youth.get(t, "/offres/"+p.offerID)
	wantContains(t, body, "Les visites d'entreprise se font en groupe")
	_, body = youth.get(t, "/offres/"+adults+"?lang=en")
	_, body = youth.get(t, "/offres/"+adults)
	wantContains(t, body, "This offer is for young people")
}

// The home page and the youth space offer a search box; the youth's is
// prefilled with their commune and age, which they may untick.
func TestSearchBoxesArePrefilledFromTheProfile(t *testing.T) {
	f := newFixture(t)
	p := f.programme(t)
	_, body := f.visitor().get(t, "/")
	wantContains(t, body, `<form method="get" action="/offres" class="form searchbox"`, `id="searchbox-q" name="q"`)
	if strings.Contains(body, `name="near"`) {
		t.Error("a visitor's search box is prefilled")
	}
	y, err := f.db.YouthByID(context.Background(), "api-youth")
	if err != nil {
		t.Fatal(err)
	}
	y.CommuneCode = "92050"
	if err := f.db.SaveYouth(context.Background(), *y); err != nil {
		t.Fatal(err)
	}
	_, body = p.youth.pageVisitor().get(t, "/jeunes")
	wantContains(t, body, `name="near" value="92050" checked`, "Autour de Nanterre", `name="age" value="16" checked`, "Ouvertes à mes 16 ans")
	// The bare search page offers the same search as a link; a search already made does not.
	_, body = p.youth.pageVisitor().get(t, "/offres")
	wantContains(t, body, "Chercher avec ton profil", `href="/offres?age=16&near=92050"`, "Autour de Nanterre · Ouvertes à mes 16 ans")
	if _, body = p.youth.pageVisitor().get(t, "/offres?q=cuisine"); strings.Contains(body, "Chercher avec ton profil") {
		t.Error("a search already made is offered the profile's")
	}
}
