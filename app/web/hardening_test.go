package web_test

import (
	"context"
	"net/http"
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
