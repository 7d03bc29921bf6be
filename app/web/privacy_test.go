package web_test

import (
	"context"
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"passerelle/app/domain"
	"passerelle/app/i18n/texttest"
	"passerelle/app/store/storetest"
	"passerelle/app/web"
)

func TestDataExportThenAccountDeletion(t *testing.T) {
	f := newFixture(t)
	youth := f.signUp(t, "ines@example.fr", "youth")
	youth.get(t, "/compte/profil")
	youth.post(t, "/compte/profil", profileForm(f, 16, "maman@example.fr"))
	youth.get(t, "/offres?q=cuisine")
	if resp, _ := youth.post(t, "/offres/recherches?q=cuisine", url.Values{"name": {"Cuisine"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("saving a search: %d", resp.StatusCode)
	}
	ines, err := f.db.UserByEmail(context.Background(), "ines@example.fr")
	if err != nil {
		t.Fatal(err)
	}
	f.application(t, ines.ID, "Apprenti cuisinier")
	resp, body := youth.get(t, "/compte/donnees")
	wantStatus(t, resp, http.StatusOK)
	if !strings.HasPrefix(resp.Header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("export served as %q", resp.Header.Get("Content-Disposition"))
	}
	var export struct {
		Account  map[string]any `json:"account"`
		Profile  map[string]any `json:"youth_profile"`
		Guardian string         `json:"guardian_email"`
		Events   []any          `json:"security_events"`
		Searches []struct {
			Name, Query string
		} `json:"saved_searches"`
		Held struct {
			Passerelle struct {
				Applications []struct {
					OfferTitle string `json:"offer_title"`
					Status     string
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(body), &export); err != nil {
		t.Fatal(err)
	}
	if export.Account["email"] != "ines@example.fr" || export.Profile["first_name"] != "Yanis" ||
		export.Guardian != "maman@example.fr" || len(export.Events) == 0 || strings.Contains(body, "argon2") ||
		len(export.Searches) != 1 || export.Searches[0].Name != "Cuisine" || export.Searches[0].Query != "q=cuisine" ||
		len(export.Held.Passerelle.Applications) != 1 || export.Held.Passerelle.Applications[0].OfferTitle != "Apprenti cuisinier" {
		t.Fatalf("export: %s", body)
	}

	youth.get(t, "/compte/suppression")
	resp, body = youth.post(t, "/compte/suppression", url.Values{})
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, "Cochez la case")
	resp, body = youth.post(t, "/compte/suppression", url.Values{"confirm": {"oui"}})
	wantStatus(t, resp, http.StatusOK)
	wantContains(t, body, "Votre compte est supprimé", "/connexion")
	if resp, _ := youth.get(t, "/compte"); resp.StatusCode != http.StatusSeeOther {
		t.Fatal("still signed in after deletion")
	}
	if _, err := f.db.UserByEmail(context.Background(), "ines@example.fr"); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("the address is still stored: %v", err)
	}
	id := export.Account["id"].(string)
	kept, err := f.db.UserByID(context.Background(), id)
	if err != nil || kept.Name != "Compte supprimé" || kept.PasswordHash != "" || kept.DeletedAt == nil {
		t.Fatalf("anonymised account: %+v %v", kept, err)
	}
	if _, err := f.db.YouthByID(context.Background(), id); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("the youth profile survived: %v", err)
	}
	if searches, err := f.db.SavedSearchesOfYouth(context.Background(), id); err != nil || len(searches) != 0 {
		t.Fatalf("the saved searches survived: %+v %v", searches, err)
	}
	if a, err := f.db.ApplicationByID(context.Background(), "app-"+id); err != nil || a.Status != domain.ApplicationWithdrawn ||
		a.YouthName != domain.ErasedYouthName {
		t.Fatalf("the application after deletion: %+v %v", a, err)
	}
	events, _ := f.db.LatestAudit(context.Background(), id, 1)
	if len(events) != 1 || events[0].Action != domain.AuditAccountDeleted {
		t.Fatalf("last event %+v", events)
	}
}

func TestStaffSuspendsAndChangesRolesWithAudit(t *testing.T) {
	f := newFixture(t)
	employer := f.signUp(t, "rh@example.fr", "employer")
	target, _ := f.db.UserByEmail(context.Background(), "rh@example.fr")
	staff := f.staffVisitor(t)
	_, body := staff.get(t, "/agents/personnes?q=rh@")
	wantContains(t, body, "rh@example.fr", "Suspendre")

	resp, _ := staff.post(t, "/agents/personnes/"+target.ID+"/roles", url.Values{"roles": {"employer", "applicant"}})
	wantStatus(t, resp, http.StatusSeeOther)
	resp, body = staff.post(t, "/agents/personnes/"+target.ID+"/roles", url.Values{"roles": {"staff"}})
	wantStatus(t, resp, http.StatusForbidden)
	wantContains(t, body, "Seul un administrateur")
	if u, _ := f.db.UserByID(context.Background(), target.ID); len(u.Roles) != 2 || !u.HasRole(domain.RoleApplicant) {
		t.Fatalf("roles %v", u.Roles)
	}

	resp, _ = staff.post(t, "/agents/personnes/"+target.ID+"/suspension", url.Values{"suspend": {"1"}})
	wantStatus(t, resp, http.StatusSeeOther)
	if resp, _ := employer.get(t, "/compte"); resp.StatusCode != http.StatusSeeOther {
		t.Fatal("a suspended account is still signed in")
	}
	w := f.visitor()
	w.get(t, "/connexion")
	resp, body = w.post(t, "/connexion", url.Values{"email": {"rh@example.fr"}, "password": {testPassword}})
	wantStatus(t, resp, http.StatusForbidden)
	wantContains(t, body, "Ce compte est suspendu")

	_, body = staff.get(t, "/agents/journal?q="+target.ID)
	wantContains(t, body, "Compte suspendu", "Rôles modifiés", "Employeur (entreprise ou structure de l'ESS) → Employeur (entreprise ou structure de l'ESS), Porteur de projet PROGR'ESS", "user-agent")
	checkHumanText(t, "/agents/journal", body) // names and labels, not ids and action keys
}

// The privacy page states the configured retention periods, not fixed words.
func TestPrivacyPageStatesTheConfiguredPeriods(t *testing.T) {
	f := newEmptyFixture(t, storetest.Open(t), func(d *web.Deps) {
		d.Retention = web.RetentionPeriods{InactiveYears: 2, CVDays: 90}
	})
	_, body := f.get(t, "/confidentialite")
	wantContains(t, body, "anonymisé après 2 ans sans connexion", "effacés 90 jours après sa fin")
}

// The audit log names the offers staff moderated by their titles, and
// reads as names and labels throughout, with no id nor state key.
func TestAuditLogNamesTheOffers(t *testing.T) {
	f := newFixture(t)
	pending, err := f.db.Offers(context.Background(), domain.OfferFilter{Status: domain.OfferPending})
	if err != nil || len(pending) == 0 {
		t.Fatalf("no pending demo offer: %v", err)
	}
	staff := f.staffVisitor(t)
	staff.get(t, "/agents/moderation")
	resp, _ := staff.post(t, "/agents/moderation/"+pending[0].ID+"/publication", url.Values{})
	wantStatus(t, resp, http.StatusSeeOther)
	_, body := staff.get(t, "/agents/journal?q="+pending[0].ID)
	wantContains(t, body, html.EscapeString(pending[0].Title))
	if text := texttest.Visible(body); strings.Contains(text, pending[0].ID) {
		t.Errorf("the log shows the offer's id: %q", texttest.Around(text, pending[0].ID))
	}
	_, body = staff.get(t, "/agents/journal")
	text := texttest.Visible(body)
	for _, internal := range []string{"booking-", "application-", "offer-", "user-", "grant-", "(confirmed)", "(sent)", "duplicate of"} {
		if strings.Contains(text, internal) {
			t.Errorf("the log shows %q: %q", internal, texttest.Around(text, internal))
		}
	}
	checkHumanText(t, "/agents/journal", body)
}
