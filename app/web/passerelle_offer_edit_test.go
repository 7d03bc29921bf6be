package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"passerelle/app/domain"
)

// offerForm is the offer form as an employer fills it, with this job field.
func offerForm(job string) url.Values {
	return url.Values{"organisation_id": {"api-company"}, "type": {"visit"}, "title": {"Une matinée au fournil"},
		"description": {"Les élèves suivent le boulanger du pétrin au four."}, "rome_codes": {job},
		"commune_code": {"92050"}, "start_date": {"2026-12-10"}, "end_date": {"2027-01-20"}, "places": {"0"}}
}

// The job field completes with "code — label" from the ROME list; without
// JavaScript, the server resolves a typed code, a chosen suggestion or an
// exact label to the code, and refuses the rest next to the field.
func TestOfferFormChoosesROMEJob(t *testing.T) {
	f := newFixture(t)
	p := f.programme(t)
	employer := p.employer.pageVisitor()
	_, body := f.get(t, "/api/v1/suggest?kind=rome&q=boulan")
	wantContains(t, body, `"D1102 — Boulanger / Boulangère"`, `"communes":[]`)
	_, body = employer.get(t, "/employeurs/offres/nouvelle")
	wantContains(t, body, `list="rome-suggestions"`, `data-suggest="/api/v1/suggest?kind=rome"`)

	for _, job := range []string{"d1102", "D1102 — Boulanger / Boulangère", "boulanger / boulangère"} {
		resp, body := employer.post(t, "/employeurs/offres", offerForm(job))
		wantStatus(t, resp, http.StatusSeeOther)
		o, err := f.db.OfferByID(context.Background(), strings.TrimPrefix(resp.Header.Get("Location"), "/employeurs/offres/"))
		if err != nil || len(o.ROMECodes) != 1 || o.ROMECodes[0] != "D1102" {
			t.Errorf("%q saved %v (%v) %s", job, o, err, body)
		}
	}
	before, _ := f.db.Offers(context.Background(), domain.OfferFilter{OrganisationIDs: []string{"api-company"}})
	resp, body := employer.post(t, "/employeurs/offres", offerForm("Z0000 — Métier inconnu"))
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, `id="rome_codes-error"`, `value="Z0000 — Métier inconnu"`)
	if after, _ := f.db.Offers(context.Background(), domain.OfferFilter{OrganisationIDs: []string{"api-company"}}); len(after) != len(before) {
		t.Errorf("an offer with an unknown job was saved")
	}
}

// The employer edits an offer from its desk (bad input changes nothing) and
// duplicates it as a draft opened for editing.
func TestOfferEditAndDuplicate(t *testing.T) {
	f := newFixture(t)
	p := f.programme(t)
	employer, ctx := p.employer.pageVisitor(), context.Background()
	desk := "/employeurs/offres/" + p.offerID
	_, body := employer.get(t, desk)
	wantContains(t, body, desk+"/modifier", desk+"/duplication")
	_, body = employer.get(t, desk+"/modifier")
	wantContains(t, body, "<h1>Modifier l", `value="Visite du fournil"`, `value="D1102"`, `action="`+desk+`/modifier"`)

	form := offerForm("D1102")
	form.Set("end_date", "2020-01-01")
	resp, body := employer.post(t, desk+"/modifier", form)
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, `id="end_date-error"`)
	if o, _ := f.db.OfferByID(ctx, p.offerID); o.Title != "Visite du fournil" {
		t.Errorf("bad edit wrote the title %q", o.Title)
	}
	resp, _ = employer.post(t, desk+"/modifier", offerForm("D1102"))
	wantStatus(t, resp, http.StatusSeeOther)
	if o, _ := f.db.OfferByID(ctx, p.offerID); o.Title != "Une matinée au fournil" {
		t.Errorf("edit saved the title %q", o.Title)
	}

	resp, _ = employer.post(t, desk+"/duplication", url.Values{})
	wantStatus(t, resp, http.StatusSeeOther)
	edit := resp.Header.Get("Location")
	copyID := strings.TrimSuffix(strings.TrimPrefix(edit, "/employeurs/offres/"), "/modifier")
	if o, err := f.db.OfferByID(ctx, copyID); err != nil || copyID == p.offerID || o.Status != "draft" {
		t.Fatalf("duplicate %q: %v %v", edit, o, err)
	}
	_, body = employer.get(t, edit)
	wantContains(t, body, "Enregistrer le brouillon")
}
