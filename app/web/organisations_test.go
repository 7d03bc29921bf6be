package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"passerelle/app/account/accounttest"
	"passerelle/app/domain"
)

// staffVisitor is a signed-in staff member.
func (f *fixture) staffVisitor(t *testing.T) *visitor {
	t.Helper()
	now := f.now
	agent := domain.User{ID: "user-agent", Email: "agent@cd92.test", Name: "Agent", Roles: []domain.Role{domain.RoleStaff},
		Locale: "fr", CreatedAt: now, EmailVerifiedAt: &now}
	if err := f.db.InsertUsers(context.Background(), []domain.User{agent}); err != nil {
		t.Fatal(err)
	}
	v := f.visitor()
	v.cookies["p92_session"] = f.startSession(t, &agent)
	return v
}

func TestEmployerRegistersACompanyThatStaffVerifies(t *testing.T) {
	f := newFixture(t)
	employer := f.signUp(t, "rh@boulangerie.test", "employer")
	employer.get(t, "/organisations/nouvelle")
	form := url.Values{"kind": {"company"}, "name": {"Boulangerie Lemoine"}, "siret": {"732 829 320 00075"}}
	resp, body := employer.post(t, "/organisations/nouvelle", form)
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, `id="siret-error"`, "Ce numéro SIRET n'est pas valide", `value="Boulangerie Lemoine"`)
	form.Set("siret", "732 829 320 00074")
	resp, _ = employer.post(t, "/organisations/nouvelle", form)
	wantStatus(t, resp, http.StatusSeeOther)
	orgPath := resp.Header.Get("Location")
	resp, body = employer.get(t, orgPath)
	wantStatus(t, resp, http.StatusOK)
	wantContains(t, body, "Boulangerie Lemoine", "73282932000074", "En attente de vérification")
	_, body = employer.get(t, "/employeurs")
	wantContains(t, body, "Bonjour Léa Martin", orgPath, "Boulangerie Lemoine")

	staff := f.staffVisitor(t)
	_, body = staff.get(t, "/agents/organisations?q=Lemoine")
	wantContains(t, body, "Boulangerie Lemoine")
	orgID := strings.TrimPrefix(orgPath, "/organisations/")
	resp, _ = staff.post(t, "/agents/organisations/"+orgID+"/verification", url.Values{"verified": {"1"}})
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = employer.get(t, orgPath)
	wantContains(t, body, "Vérifiée par le Département")
	events, err := f.db.LatestAudit(context.Background(), orgID, 10)
	if err != nil || len(events) != 2 || events[0].Action != domain.AuditOrgVerified || events[0].ActorID != "user-agent" {
		t.Fatalf("audit of the organisation: %+v %v", events, err)
	}

	other := f.signUp(t, "autre@example.fr", "employer")
	if resp, _ := other.get(t, orgPath); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("a non-member sees the organisation: %d", resp.StatusCode)
	}
	other.get(t, "/organisations/nouvelle")
	resp, body = other.post(t, "/organisations/nouvelle", url.Values{"kind": {"company"}, "name": {"Copie"}, "siret": {"73282932000074"}})
	wantStatus(t, resp, http.StatusConflict)
	wantContains(t, body, "Demandez à l'un de ses membres de vous inviter")
}

func TestAMemberInvitesAColleague(t *testing.T) {
	f := newFixture(t)
	applicant := f.signUp(t, "presidente@asso.test", "applicant")
	applicant.get(t, "/organisations/nouvelle")
	resp, _ := applicant.post(t, "/organisations/nouvelle", url.Values{"kind": {"association"}, "name": {"Les Jardins partagés"}, "rna": {"W922001234"}})
	wantStatus(t, resp, http.StatusSeeOther)
	orgPath := resp.Header.Get("Location")
	applicant.get(t, orgPath)
	n := len(f.mails.Messages())
	_, body := applicant.post(t, orgPath+"/invitations", url.Values{"email": {"tresorier@asso.test"}})
	wantContains(t, body, "Invitation envoyée à tresorier@asso.test")
	invite := f.mails.WaitFor(n+1, 10*time.Second)[n]
	if !strings.Contains(invite.Text, "Les Jardins partagés") || invite.To[0] != "tresorier@asso.test" {
		t.Fatalf("invitation %q to %v", invite.Text, invite.To)
	}
	path, token := accounttest.Link(t, invite)
	colleague := f.signUp(t, "tresorier@asso.test", "applicant")
	colleague.get(t, path+token)
	resp, _ = colleague.post(t, path+token, url.Values{})
	wantStatus(t, resp, http.StatusSeeOther)
	resp, body = colleague.get(t, orgPath)
	wantStatus(t, resp, http.StatusOK)
	wantContains(t, body, "Les Jardins partagés")
}

func TestCounsellorPicksTheSchoolFromTheList(t *testing.T) {
	f := newFixture(t)
	counsellor := f.signUp(t, "cpe@college.test", "counsellor")
	_, body := counsellor.get(t, "/organisations/nouvelle?ecole=Nanterre")
	wantContains(t, body, "/organisations/nouvelle?kind=school&uai=")
	resp, body := counsellor.post(t, "/organisations/nouvelle", url.Values{"kind": {"school"}, "uai": {"0920130T"}})
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, `id="uai-error"`)
	resp, body = counsellor.post(t, "/organisations/nouvelle", url.Values{"kind": {"company"}, "name": {"X"}, "siret": {"73282932000074"}})
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, `id="kind-error"`)
}

func TestEmployerWritesATestimonyThatStaffPublish(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	employer := f.signUp(t, "rh@creche.test", "employer")
	employer.get(t, "/organisations/nouvelle")
	resp, _ := employer.post(t, "/organisations/nouvelle", url.Values{"kind": {"company"}, "name": {"Crèche Les Lucioles"}, "siret": {"73282932000074"}})
	wantStatus(t, resp, http.StatusSeeOther)
	orgPath := resp.Header.Get("Location")
	orgID := strings.TrimPrefix(orgPath, "/organisations/")
	now := f.now
	if err := f.db.InsertOffers(ctx, []domain.Offer{{ID: "off-lucioles", OrganisationID: orgID, OrganisationName: "Crèche Les Lucioles",
		Type: domain.OfferApprenticeship, Title: "Apprenti·e auxiliaire petite enfance", Status: domain.OfferPublished,
		TensionFamily: "petite_enfance", CommuneCode: "92050", PublishedAt: &now}}); err != nil {
		t.Fatal(err)
	}

	employer.get(t, orgPath)
	_, body := employer.post(t, orgPath+"/presentation", url.Values{"presentation": {"Trois crèches à Nanterre."}, "accessibility": {"Plain-pied, accès en fauteuil."}})
	wantContains(t, body, "Votre page publique est enregistrée.")
	resp, body = employer.post(t, orgPath+"/temoignages", url.Values{"author": {""}, "testimony": {"Un métier qui a du sens."}})
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, `id="author-error"`, "Un métier qui a du sens.")
	_, body = employer.post(t, orgPath+"/temoignages", url.Values{"author": {"Inès, apprentie"}, "testimony": {"Un métier qui a du sens."}})
	wantContains(t, body, "votre témoignage est envoyé au Département")
	employer.post(t, orgPath+"/temoignages", url.Values{"author": {"Marc, tuteur"}, "testimony": {"À refuser."}})

	public := "/employeurs-du-92/" + orgID
	resp, body = f.visitor().get(t, public)
	wantStatus(t, resp, http.StatusOK)
	wantContains(t, body, "Trois crèches à Nanterre.", "Plain-pied, accès en fauteuil.", "/offres/off-lucioles", "/decouvrir/petite-enfance", "Aucun témoignage publié")
	_, body = f.visitor().get(t, "/offres/off-lucioles")
	wantContains(t, body, `href="`+public+`"`)

	staff := f.staffVisitor(t)
	_, body = staff.get(t, "/agents")
	wantContains(t, body, `href="/agents/temoignages"><strong>2</strong>`)
	_, body = staff.get(t, "/agents/temoignages")
	wantContains(t, body, "Inès, apprentie", "Marc, tuteur")
	pending, err := f.db.PendingTestimonies(ctx, domain.PageRequest{Number: 1, Size: 10})
	if err != nil || len(pending.Items) != 2 {
		t.Fatalf("pending testimonies: %+v %v", pending, err)
	}
	ines, marc := pending.Items[0].ID, pending.Items[1].ID
	_, body = staff.post(t, "/agents/temoignages/"+ines+"/publication", url.Values{})
	wantContains(t, body, "Témoignage publié sur la page de Crèche Les Lucioles.")
	_, body = staff.post(t, "/agents/temoignages/"+marc+"/refus", url.Values{})
	wantContains(t, body, "Témoignage de Crèche Les Lucioles refusé", "Aucun témoignage n'attend de décision.")
	resp, body = staff.post(t, "/agents/temoignages/"+marc+"/publication", url.Values{})
	wantStatus(t, resp, http.StatusConflict)
	wantContains(t, body, "déjà été publié ou refusé")

	_, body = f.visitor().get(t, public)
	wantContains(t, body, "Un métier qui a du sens.", "Inès, apprentie")
	if strings.Contains(body, "À refuser.") {
		t.Fatal("a refused testimony shows on the public page")
	}
	_, body = f.visitor().get(t, "/decouvrir/petite-enfance")
	wantContains(t, body, "Un métier qui a du sens.", `<a href="`+public+`">Crèche Les Lucioles</a>`)
	_, body = f.visitor().get(t, "/decouvrir/informatique")
	if strings.Contains(body, "Un métier qui a du sens.") {
		t.Fatal("the testimony shows on another family's page")
	}
	events, err := f.db.LatestAudit(ctx, marc, 10)
	if err != nil || len(events) != 1 || events[0].Action != domain.AuditTestimonyMod || events[0].ActorID != "user-agent" {
		t.Fatalf("audit of the moderation: %+v %v", events, err)
	}

	other := f.signUp(t, "autre@example.fr", "employer")
	if resp, _ := other.post(t, orgPath+"/temoignages", url.Values{"author": {"X"}, "testimony": {"Y"}}); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("a non-member writes a testimony: %d", resp.StatusCode)
	}
}
