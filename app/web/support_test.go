package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"passerelle/app/domain"
	"passerelle/app/i18n/texttest"
)

// supportStructure inserts a verified partner structure of the accompaniment.
func (f *fixture) supportStructure(t *testing.T, id, name, rna string) {
	t.Helper()
	org := domain.Organisation{ID: id, Kind: domain.KindSupport, Name: name, RNA: rna, Verified: true,
		CommuneCode: "92050", Address: "2 rue de la Coopération, 92000 Nanterre", Presentation: "Incubateur de projets solidaires.",
		CreatedAt: f.now}
	if err := f.db.InsertOrganisations(context.Background(), []domain.Organisation{org}); err != nil {
		t.Fatal(err)
	}
}

// askSupport posts a holder's request and returns its page's path.
func askSupport(t *testing.T, holder *visitor, project string) string {
	t.Helper()
	holder.get(t, "/accompagnement/demande")
	resp, _ := holder.post(t, "/accompagnement/demande", url.Values{"project": {project}, "stage": {"creation"},
		"needs": {"funding", "premises"}, "commune_code": {"Colombes"},
		"description": {"Une ressourcerie qui répare et revend les objets du quartier."}})
	wantStatus(t, resp, http.StatusSeeOther)
	return resp.Header.Get("Location")
}

// A holder asks for support; staff give the request to a partner
// structure; its adviser follows it (status, next meeting, messages, an
// internal note the holder never sees); every step says what happened, and
// nobody else reads or changes the request.
func TestSupportRequestFromAskingToFollowUp(t *testing.T) {
	f := newFixture(t)
	f.supportStructure(t, "support-incubator", "Incubateur solidaire", "W921234568")
	f.supportStructure(t, "support-other", "Réseau Nord", "W921234569")
	_, body := f.visitor().get(t, "/accompagnement")
	wantContains(t, body, "Incubateur solidaire", "Réseau Nord", "Demander un accompagnement")

	holder := f.signedInUser(t, "holder", domain.RoleApplicant)
	holder.get(t, "/accompagnement/demande")
	resp, body := holder.post(t, "/accompagnement/demande", url.Values{"project": {"Ressourcerie"}, "stage": {"creation"},
		"commune_code": {"Colombes"}, "description": {"Une ressourcerie de quartier."}})
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, "Cochez au moins un besoin dans la liste.", `href="#needs-error"`)
	if p, _ := f.db.SupportRequestsPage(context.Background(), "", domain.PageRequest{Number: 1, Size: 10}); p.Total != 0 {
		t.Fatalf("a refused request was saved: %d", p.Total)
	}
	path := askSupport(t, holder, "Ressourcerie de quartier")
	_, body = holder.get(t, path)
	wantContains(t, body, "Votre demande est envoyée", "Ressourcerie de quartier", "en attente d'une structure", "Colombes")
	_, body = holder.get(t, "/accompagnement/mes-demandes")
	wantContains(t, body, "Ressourcerie de quartier", "en attente d'une structure")

	staff := f.staffVisitor(t)
	_, body = staff.get(t, "/agents/accompagnement?statut=new")
	wantContains(t, body, "Ressourcerie de quartier")
	resp, body = staff.post(t, path+"/attribution", url.Values{"structure_id": {"reach-asso-unknown"}})
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, "Choisissez une structure partenaire vérifiée.")
	resp, _ = staff.post(t, path+"/attribution", url.Values{"structure_id": {"support-incubator"}})
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = staff.get(t, path)
	wantContains(t, body, "La demande est confiée", "Incubateur solidaire")

	adviser := f.signedInUser(t, "adviser", domain.RoleAdviser, "support-incubator")
	stranger := f.signedInUser(t, "stranger", domain.RoleAdviser, "support-other")
	stranger.get(t, "/accompagnement/suivi")
	_, body = adviser.get(t, "/accompagnement/suivi")
	wantContains(t, body, "Ressourcerie de quartier", "confiée à une structure")
	for _, v := range []*visitor{stranger, f.signedInUser(t, "other-holder", domain.RoleApplicant)} {
		if resp, _ := v.get(t, path); resp.StatusCode != http.StatusForbidden {
			t.Errorf("another person reads the request: %d", resp.StatusCode)
		}
	}
	if resp, _ := stranger.post(t, path+"/suivi", url.Values{"status": {"in_progress"}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("another structure follows the request: %d", resp.StatusCode)
	}
	adviser.get(t, path)
	resp, body = adviser.post(t, path+"/suivi", url.Values{"status": {"in_progress"}, "next_meeting": {"2020-01-01T10:00"}})
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, "Le rendez-vous doit être une date à venir")
	resp, _ = adviser.post(t, path+"/suivi", url.Values{"status": {"in_progress"}, "next_meeting": {"2026-12-10T14:30"}})
	wantStatus(t, resp, http.StatusSeeOther)
	adviser.post(t, path+"/message", url.Values{"message": {"Apportez votre budget prévisionnel."}})
	adviser.post(t, path+"/message", url.Values{"message": {"Porteur motivé, local à visiter."}, "internal": {"1"}})
	_, body = adviser.get(t, path)
	wantContains(t, body, "accompagnement en cours", "jeudi 10 décembre 2026 à 14 h 30", "Apportez votre budget prévisionnel.",
		"Porteur motivé, local à visiter.", "note interne à la structure")

	_, body = holder.get(t, path)
	wantContains(t, body, "accompagnement en cours", "Apportez votre budget prévisionnel.")
	if strings.Contains(body, "Porteur motivé") {
		t.Error("the holder reads the structure's internal note")
	}
	if resp, _ := holder.post(t, path+"/message", url.Values{"message": {"Une note"}, "internal": {"1"}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("the holder writes an internal note: %d", resp.StatusCode)
	}
	resp, _ = holder.post(t, path+"/message", url.Values{"message": {"Merci, à jeudi !"}})
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = holder.get(t, path)
	wantContains(t, body, "C'est enregistré.", "Merci, à jeudi !")
	checkHumanText(t, path, body)

	// The holder's data export carries the request and its messages, not
	// the structure's note; deleting the account deletes the request.
	_, body = holder.get(t, "/compte/donnees")
	wantContains(t, body, "Ressourcerie de quartier", "Merci, à jeudi !")
	if strings.Contains(body, "Porteur motivé") {
		t.Error("the export carries the structure's internal note")
	}

	_, body = staff.get(t, "/agents/journal")
	wantContains(t, body, "Accompagnement demandé", "Demande d'accompagnement confiée (Incubateur solidaire)",
		"Avancement d'un accompagnement noté (accompagnement en cours)", "demande d'accompagnement <a")
	if text := texttest.Visible(body); strings.Contains(text, "support-") {
		t.Errorf("the log shows an id: %q", texttest.Around(text, "support-"))
	}

	holder.get(t, "/compte/suppression")
	resp, _ = holder.post(t, "/compte/suppression", url.Values{"confirm": {"oui"}})
	wantStatus(t, resp, http.StatusOK)
	if p, _ := f.db.SupportRequestsPage(context.Background(), "", domain.PageRequest{Number: 1, Size: 10}); p.Total != 0 {
		t.Errorf("%d requests left after the holder deleted their account", p.Total)
	}
}
