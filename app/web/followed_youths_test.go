package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"passerelle/app/domain"
)

func (f *fixture) structure(t *testing.T, id string, kind domain.OrganisationKind) {
	t.Helper()
	org := domain.Organisation{ID: id, Kind: kind, Name: "Structure " + id, CommuneCode: "92050",
		Address: "1 rue de la Paix, 92000 Nanterre", CreatedAt: f.now}
	if err := f.db.InsertOrganisations(context.Background(), []domain.Organisation{org}); err != nil {
		t.Fatal(err)
	}
}

// followedYouth saves the profile of a new youth who chose structure.
func (f *fixture) followedYouth(t *testing.T, id, firstName, structure string, share bool) {
	t.Helper()
	youth := f.signedInUser(t, id, domain.RoleYouth)
	youth.get(t, "/compte/profil")
	form := profileForm(f, 19, "")
	form.Set("first_name", firstName)
	form.Set("structure_id", structure)
	if share {
		form.Set("share_applications", "1")
	}
	if resp, body := youth.post(t, "/compte/profil", form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("profile of %s: %d %s", id, resp.StatusCode, body)
	}
}

func (f *fixture) application(t *testing.T, youthID, title string) {
	t.Helper()
	a := domain.Application{ID: "app-" + youthID, OfferID: "offer-" + youthID, OfferTitle: title, YouthID: youthID,
		Status: domain.ApplicationStatus("sent"), CreatedAt: f.now, UpdatedAt: f.now, ExpiresAt: f.now.AddDate(0, 0, 15)}
	if err := f.db.InsertApplication(context.Background(), &a); err != nil {
		t.Fatal(err)
	}
}

// followedStructures sets up a school followed by Inès, who shares her
// applications, and Malik, who does not, and a CIO followed by Zoé.
func (f *fixture) followedStructures(t *testing.T) {
	t.Helper()
	f.structure(t, "lycee-suivi", domain.KindSchool)
	f.structure(t, "cio-autre", domain.KindCIO)
	f.followedYouth(t, "y-share", "Inès", "lycee-suivi", true)
	f.followedYouth(t, "y-private", "Malik", "lycee-suivi", false)
	f.followedYouth(t, "y-other", "Zoé", "cio-autre", true)
	f.application(t, "y-share", "Stage en boulangerie")
	f.application(t, "y-private", "Apprentissage en garage")
}

func TestACounsellorSeesTheYouthsOfTheirStructureAndSharedApplications(t *testing.T) {
	f := newFixture(t)
	f.followedStructures(t)
	if y, _ := f.db.YouthByID(context.Background(), "y-share"); y == nil || y.StructureID != "lycee-suivi" || !y.ShareApplications {
		t.Fatalf("stored profile: %+v", y)
	}

	_, body := f.signedInUser(t, "c-suivi", domain.RoleCounsellor, "lycee-suivi").get(t, "/etablissements")
	wantContains(t, body, "Jeunes suivis par ma structure", "Inès", "Malik", "19 ans", "Stage en boulangerie")
	for _, hidden := range []string{"Zoé", "Apprentissage en garage", "@asso.test"} {
		if strings.Contains(body, hidden) {
			t.Errorf("the counsellor sees %q", hidden)
		}
	}
	_, body = f.signedInUser(t, "c-autre", domain.RoleCounsellor, "cio-autre").get(t, "/etablissements")
	if strings.Contains(body, "Inès") || !strings.Contains(body, "Zoé") {
		t.Errorf("another structure's counsellor sees the wrong youths")
	}
	_, body = f.signedInUser(t, "e-suivi", domain.RoleEmployer, "lycee-suivi").get(t, "/etablissements")
	if strings.Contains(body, "Inès") {
		t.Errorf("an employer sees a structure's youths")
	}
}

func TestAYouthChoosesOnlyARegisteredStructure(t *testing.T) {
	f := newFixture(t)
	f.structure(t, "lycee-choix", domain.KindSchool)
	f.association(t, "asso-choix")
	youth := f.signedInUser(t, "y-choix", domain.RoleYouth)
	_, body := youth.get(t, "/compte/profil")
	wantContains(t, body, "Structure lycee-choix", "Partager mes candidatures avec cette structure")
	if strings.Contains(body, `value="asso-choix"`) {
		t.Errorf("an association is offered as a structure")
	}
	for _, structure := range []string{"asso-choix", "inconnue"} {
		form := profileForm(f, 19, "")
		form.Set("structure_id", structure)
		resp, body := youth.post(t, "/compte/profil", form)
		wantStatus(t, resp, http.StatusUnprocessableEntity)
		wantContains(t, body, `id="structure_id-error"`, "Choisis une structure de la liste.")
	}
	if _, err := f.db.YouthByID(context.Background(), "y-choix"); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("a refused profile was written: %v", err)
	}
	form := profileForm(f, 19, "")
	form.Set("share_applications", "1") // without a structure, nothing is shared
	youth.post(t, "/compte/profil", form)
	if y, err := f.db.YouthByID(context.Background(), "y-choix"); err != nil || y.ShareApplications {
		t.Fatalf("profile without structure: %+v, %v", y, err)
	}
}
