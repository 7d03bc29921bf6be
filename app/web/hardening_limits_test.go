package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"passerelle/app/domain"
)

// The sessions of an offer still in moderation are seen where the offer is:
// by its employer and by staff; anyone else gets the offer page's 404.
func TestSessionsOfAnUnmoderatedOfferAreNotPublic(t *testing.T) {
	f := newFixture(t)
	p := f.programme(t)
	ctx := context.Background()
	if err := f.db.InsertOrganisations(ctx, []domain.Organisation{
		{ID: "api-newco", Kind: domain.KindCompany, Name: "Jeune pousse", CommuneCode: "92012"}}); err != nil {
		t.Fatal(err)
	}
	owner := f.apiUser(t, "api-newco-emp", domain.RoleEmployer, "api-newco")
	body := f.offerBody("visit")
	body["organisation_id"] = "api-newco"
	status, o := owner.call(t, "POST", "/api/v1/offers", body)
	if status != http.StatusCreated || o["status"] != string(domain.OfferPending) {
		t.Fatalf("create offer: %d %v", status, o)
	}
	id := o["id"].(string)
	if status, s := owner.call(t, "POST", "/api/v1/offers/"+id+"/sessions", f.sessionBody(20)); status != http.StatusCreated {
		t.Fatalf("add session: %d %v", status, s)
	}
	for who, u := range map[string]*apiUser{"counsellor": p.counsellor, "youth": p.youth, "other employer": p.employer,
		"anonymous": {f: f}} {
		if status, _ := u.call(t, "GET", "/api/v1/offers/"+id+"/sessions", nil); status != http.StatusNotFound {
			t.Errorf("%s sees the sessions of a pending offer: %d", who, status)
		}
	}
	for who, u := range map[string]*apiUser{"owner": owner, "staff": p.staff} {
		if status, body := u.call(t, "GET", "/api/v1/offers/"+id+"/sessions", nil); status != http.StatusOK || body["total"] != 1.0 {
			t.Errorf("%s: %d %v", who, status, body)
		}
	}
	resp, _ := p.counsellor.pageVisitor().get(t, "/offres/"+id+"/creneaux")
	wantStatus(t, resp, http.StatusNotFound)
}

// Every text field has a length from the one table of limits: an oversized
// PROGR'ESS title or description and an API offer title are refused with a
// French message, and nothing is saved.
func TestOversizedTextsAreRefusedAndNotSaved(t *testing.T) {
	f := newFixture(t)
	f.association(t, "asso-long")
	call := f.demoCall(t)
	alice := f.progressUser(t, "alice-long", domain.RoleApplicant, "asso-long")
	alice.get(t, "/progress/appels/"+call.ID)
	resp, _ := alice.post(t, "/progress/appels/"+call.ID+"/candidature", url.Values{"organisation": {"asso-long"}})
	file := strings.TrimSuffix(resp.Header.Get("Location"), "/etapes/identite")
	project := url.Values{"title": {"Épicerie solidaire mobile"}, "summary": {"Une épicerie qui se déplace."},
		"description": {"Un camion aménagé."}, "communes": {"92050"}, "axes": {call.Axes[0]},
		"starts_on": {"2027-01-15"}, "ends_on": {"2027-12-31"}}
	for field, size := range map[string]int{"title": 100_000, "description": 1 << 20} {
		long := url.Values{}
		for k, v := range project {
			long[k] = v
		}
		long.Set(field, strings.Repeat("é", size))
		resp, body := alice.post(t, file+"/etapes/projet", long)
		wantStatus(t, resp, http.StatusUnprocessableEntity)
		wantContains(t, body, "trop long")
	}
	_, body := alice.get(t, file+"/etapes/projet")
	if strings.Contains(body, strings.Repeat("é", 200)) {
		t.Error("an oversized text was saved in the PROGR'ESS file")
	}

	p := f.programme(t)
	offer := f.offerBody("visit")
	offer["title"] = strings.Repeat("x", 100_000)
	status, problem := p.employer.call(t, "POST", "/api/v1/offers", offer)
	wantFrench(t, status, problem, http.StatusUnprocessableEntity, "title")
	if _, list := p.employer.call(t, "GET", "/api/v1/offers?organisation_id=api-company", nil); list["total"] != 1.0 {
		t.Errorf("offers after the refusal: %v", list["total"])
	}
}

// Dates far in the future, NUL characters, control characters in one-line
// fields and a JSON body that is not an object.
func TestValidationGaps(t *testing.T) {
	f := newFixture(t)
	p := f.programme(t)
	offer := f.offerBody("visit")
	offer["end_date"] = "9999-12-31T00:00:00Z"
	status, problem := p.employer.call(t, "POST", "/api/v1/offers", offer)
	wantFrench(t, status, problem, http.StatusUnprocessableEntity, "end_date")

	session := f.sessionBody(20)
	session["starts_at"], session["ends_at"] = "9999-06-01T09:00:00Z", "9999-06-01T11:00:00Z"
	status, problem = p.employer.call(t, "POST", "/api/v1/offers/"+p.offerID+"/sessions", session)
	wantFrench(t, status, problem, http.StatusUnprocessableEntity, "starts_at")

	offer = f.offerBody("visit")
	offer["title"] = "Visite\r\nSet-Cookie: x\tdu fournil"
	status, created := p.employer.call(t, "POST", "/api/v1/offers", offer)
	if title, _ := created["title"].(string); status != http.StatusCreated || strings.ContainsAny(title, "\r\n\t") {
		t.Errorf("offer with CR/LF in its title: %d %q", status, title)
	}

	offer = f.offerBody("visit")
	offer["description"] = "Découvrir le pétrissage\x00 et la cuisson du pain au fournil."
	status, problem = p.employer.call(t, "POST", "/api/v1/offers", offer)
	wantFrench(t, status, problem, http.StatusUnprocessableEntity, "description")
	resp, _ := p.youth.pageVisitor().get(t, "/offres?q=pain%00")
	wantStatus(t, resp, http.StatusUnprocessableEntity)

	for _, body := range []string{"null", "[]", "42", `"texte"`} {
		status, problem = p.counsellor.call(t, "POST", "/api/v1/bookings", body)
		wantFrench(t, status, problem, http.StatusUnprocessableEntity, "")
	}
}
