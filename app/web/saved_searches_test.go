package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"passerelle/app/domain"
)

// searchingYouth is a signed-in youth with a profile.
func (f *fixture) searchingYouth(t *testing.T, id string) *visitor {
	t.Helper()
	v := f.signedInUser(t, id, domain.RoleYouth)
	y := domain.Youth{ID: id, FirstName: "Nour", BirthDate: f.now.AddDate(-17, -2, 0), CommuneCode: "92050", MobilityKm: 10}
	if err := f.db.InsertYouths(context.Background(), []domain.Youth{y}); err != nil {
		t.Fatal(err)
	}
	return v
}

func (f *fixture) savedSearches(t *testing.T, youthID string) []domain.SavedSearch {
	t.Helper()
	saved, err := f.db.SavedSearchesOfYouth(context.Background(), youthID)
	if err != nil {
		t.Fatal(err)
	}
	return saved
}

func TestAYouthSavesRerunsFollowsAndDeletesASearch(t *testing.T) {
	f, _ := newSearchFixture(t)
	youth := f.searchingYouth(t, "ss-youth")
	_, body := youth.get(t, "/offres?type=apprenticeship&q=boulangerie&near=92050&radius=10&page=1")
	action := "/offres/recherches?near=92050&q=boulangerie&radius=10&type=apprenticeship"
	wantContains(t, body, "Enregistrer cette recherche", `value="Apprentissage · boulangerie · Nanterre 10 km"`,
		`action="`+action+`"`)

	resp, _ := youth.post(t, action, url.Values{"name": {""}})
	wantStatus(t, resp, http.StatusSeeOther)
	if loc := resp.Header.Get("Location"); loc != "/jeunes#mes-recherches" {
		t.Fatalf("saved, then sent to %q", loc)
	}
	saved := f.savedSearches(t, "ss-youth")
	if len(saved) != 1 || saved[0].Name != "Apprentissage · boulangerie · Nanterre 10 km" || !saved[0].Digest ||
		saved[0].Query != "near=92050&q=boulangerie&radius=10&type=apprenticeship" {
		t.Fatalf("saved %+v", saved)
	}
	rerun := "/offres?" + saved[0].Query
	_, body = youth.get(t, "/jeunes")
	wantContains(t, body, "Mes recherches enregistrées", `href="`+rerun+`"`,
		`name="digest" value="1" checked`, "recevoir les nouvelles offres dans mon récapitulatif")

	resp, body = youth.get(t, rerun)
	wantStatus(t, resp, http.StatusOK)
	wantContains(t, body, `value="boulangerie"`, `value="92050" selected`)

	resp, _ = youth.post(t, "/jeunes/recherches/"+saved[0].ID+"/recapitulatif", url.Values{})
	wantStatus(t, resp, http.StatusSeeOther)
	if got := f.savedSearches(t, "ss-youth"); got[0].Digest {
		t.Error("the unticked search stays in the digest")
	}
	youth.get(t, "/jeunes")
	youth.post(t, "/jeunes/recherches/"+saved[0].ID+"/recapitulatif", url.Values{"digest": {"1"}})
	if got := f.savedSearches(t, "ss-youth"); !got[0].Digest {
		t.Error("the ticked search is not in the digest")
	}

	youth.get(t, "/jeunes")
	resp, _ = youth.post(t, "/jeunes/recherches/"+saved[0].ID+"/suppression", url.Values{})
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = youth.get(t, "/jeunes")
	wantContains(t, body, "Aucune recherche enregistrée")
	if got := f.savedSearches(t, "ss-youth"); len(got) != 0 {
		t.Fatalf("deleted search kept: %+v", got)
	}
}

func TestOnlyTheOwnerChangesASavedSearch(t *testing.T) {
	f, _ := newSearchFixture(t)
	owner, other := f.searchingYouth(t, "ss-owner"), f.searchingYouth(t, "ss-other")
	owner.get(t, "/offres?q=cuisine")
	owner.post(t, "/offres/recherches?q=cuisine", url.Values{"name": {"Ma recherche du mardi"}})
	id := domain.SavedSearchID("ss-owner", 1)
	_, body := owner.get(t, "/jeunes")
	wantContains(t, body, "Ma recherche du mardi")

	other.get(t, "/jeunes")
	for _, path := range []string{"/jeunes/recherches/" + id + "/suppression", "/jeunes/recherches/" + id + "/recapitulatif"} {
		resp, _ := other.post(t, path, url.Values{})
		wantStatus(t, resp, http.StatusNotFound)
	}
	if _, body = other.get(t, "/jeunes"); strings.Contains(body, "Ma recherche du mardi") {
		t.Error("another youth sees the saved search")
	}
	resp, _ := owner.post(t, "/jeunes/recherches/"+id+"/suppression", url.Values{"_csrf": {"faux"}})
	wantStatus(t, resp, http.StatusForbidden)
	resp, _ = owner.post(t, "/offres/recherches?q=boulanger", url.Values{"_csrf": {"faux"}})
	wantStatus(t, resp, http.StatusForbidden)
	if got := f.savedSearches(t, "ss-owner"); len(got) != 1 || !got[0].Digest {
		t.Fatalf("refused requests changed the saved searches: %+v", got)
	}
}

func TestAYouthKeepsAtMostTenSearches(t *testing.T) {
	f, _ := newSearchFixture(t)
	youth := f.searchingYouth(t, "ss-many")
	youth.get(t, "/offres")
	for _, word := range []string{"boulanger", "boulanger", "cuisine", "crèche", "vente", "web", "jardin", "garage",
		"hôtel", "banque", "santé"} { // the same search twice keeps one
		resp, _ := youth.post(t, "/offres/recherches?q="+url.QueryEscape(word), url.Values{})
		wantStatus(t, resp, http.StatusSeeOther)
	}
	resp, body := youth.post(t, "/offres/recherches?q=musique", url.Values{"name": {"Musique"}})
	wantStatus(t, resp, http.StatusConflict)
	wantContains(t, body, "Tu as déjà 10 recherches enregistrées", `value="Musique"`)
	if got := f.savedSearches(t, "ss-many"); len(got) != 10 {
		t.Fatalf("%d saved searches, want 10", len(got))
	}
	resp, body = youth.post(t, "/offres/recherches?q=musique", url.Values{"name": {strings.Repeat("m", 81)}})
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, "un nom de 80 caractères au plus")
}

func TestSavingASearchNeedsAYouthProfileAndACriterion(t *testing.T) {
	f, _ := newSearchFixture(t)
	employer := f.signedInUser(t, "ss-employer", domain.RoleEmployer)
	_, body := employer.get(t, "/offres?q=cuisine")
	if strings.Contains(body, "Enregistrer cette recherche") {
		t.Error("an employer is offered to save a search")
	}
	resp, _ := employer.post(t, "/offres/recherches?q=cuisine", url.Values{})
	wantStatus(t, resp, http.StatusForbidden)

	newcomer := f.signedInUser(t, "ss-newcomer", domain.RoleYouth)
	newcomer.get(t, "/offres?q=cuisine")
	resp, body = newcomer.post(t, "/offres/recherches?q=cuisine", url.Values{})
	wantStatus(t, resp, http.StatusForbidden)
	wantContains(t, body, "Complète ton profil avant d'enregistrer une recherche.")

	youth := f.searchingYouth(t, "ss-empty")
	if _, body = youth.get(t, "/offres"); strings.Contains(body, "Enregistrer cette recherche") {
		t.Error("a search without criterion may be saved")
	}
	resp, body = youth.post(t, "/offres/recherches", url.Values{})
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, "Choisis au moins un critère")
	resp, _ = youth.post(t, "/offres/recherches?near=99999", url.Values{})
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	if got := f.savedSearches(t, "ss-newcomer"); len(got) != 0 {
		t.Fatalf("refused saves wrote: %+v", got)
	}
}
