package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
)

func TestEventsPagesAndRegistrations(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if err := f.db.InsertOrganisations(ctx, []domain.Organisation{
		{ID: "org-ev-school", Kind: domain.KindSchool, Name: "Collège Évariste-Galois", CommuneCode: "92050", Verified: true}}); err != nil {
		t.Fatal(err)
	}
	agent := f.signedInUser(t, "agent-ev", domain.RoleStaff)
	form := url.Values{"kind": {"forum"}, "title": {"Forum des métiers du numérique"}, "audiences": {"youths", "schools", "employers"},
		"place": {"here"}, "commune_code": {"Nanterre"}, "address": {"Salle des fêtes"}, "starts_at": {"2026-12-10T09:00"},
		"ends_at": {"2026-12-10T17:00"}, "capacity": {"30"}, "stands": {"2"}}
	bad := url.Values{}
	for k, v := range form {
		bad[k] = v
	}
	bad.Set("commune_code", "Lyon")
	if resp, page := agent.get(t, "/evenements/nouveau"); resp.StatusCode != 200 || !strings.Contains(page, "Département des Hauts-de-Seine") {
		t.Fatalf("the form: %d", resp.StatusCode)
	}
	resp, body := agent.post(t, "/evenements", bad)
	if resp.StatusCode != 422 || !strings.Contains(body, "Indiquez une commune des Hauts-de-Seine.") {
		t.Fatalf("a commune outside the 92: %d", resp.StatusCode)
	}
	resp, _ = agent.post(t, "/evenements", form)
	if resp.StatusCode != 303 {
		t.Fatalf("create: %d", resp.StatusCode)
	}
	eventPath := resp.Header.Get("Location")
	_, list := f.get(t, "/evenements?commune=Nanterre&type=forum")
	if !strings.Contains(list, "Forum des métiers du numérique") || !strings.Contains(list, eventPath) {
		t.Error("the forum is not in the filtered list")
	}
	if _, found := f.get(t, "/offres?q=num%C3%A9rique&commune=92050"); !strings.Contains(found, "Événements à venir") ||
		!strings.Contains(found, "Forum des métiers du numérique") {
		t.Error("the search page does not show the forum for its commune and words")
	}
	if _, elsewhere := f.get(t, "/offres?q=num%C3%A9rique&commune=92002"); strings.Contains(elsewhere, "Forum des métiers du numérique") {
		t.Error("the search page shows a forum of another commune")
	}
	if resp, _ := f.get(t, "/evenements?type=bal"); resp.StatusCode != 422 {
		t.Errorf("an unknown kind: %d", resp.StatusCode)
	}
	cpe := f.signedInUser(t, "cpe-ev", domain.RoleCounsellor, "org-ev-school")
	if _, page := cpe.get(t, eventPath); !strings.Contains(page, "Inscrire le groupe") || strings.Contains(page, "Réserver un stand") {
		t.Error("the counsellor is not offered the group's form, or is offered a stand")
	}
	resp, body = cpe.post(t, eventPath+"/inscription", url.Values{"kind": {"group"}, "organisation_id": {"org-ev-school"},
		"group_name": {"3e A"}, "places": {"100"}, "request_key": {"k1"}})
	if resp.StatusCode != 422 || !strings.Contains(body, "Un groupe compte de 1 à 60 participants.") {
		t.Errorf("a group of 100: %d", resp.StatusCode)
	}
	resp, _ = cpe.post(t, eventPath+"/inscription", url.Values{"kind": {"group"}, "organisation_id": {"org-ev-school"},
		"group_name": {"3e A"}, "places": {"24"}, "request_key": {"k1"}})
	if resp.StatusCode != 303 {
		t.Fatalf("register a group: %d", resp.StatusCode)
	}
	_, mine := cpe.get(t, "/evenements/mes-evenements")
	if !strings.Contains(mine, "Forum des métiers du numérique") || !strings.Contains(mine, "Inscription confirmée") ||
		!strings.Contains(mine, "Collège Évariste-Galois") || !strings.Contains(mine, "inscription est confirmée") {
		t.Error("« Mes événements » lacks the group's registration or the message")
	}
	ics := regexp.MustCompile(`/evenements/inscriptions/([^/"]+)/calendrier.ics`).FindStringSubmatch(mine)
	if ics == nil {
		t.Fatal("no calendar link")
	}
	if resp, cal := cpe.get(t, ics[0]); resp.StatusCode != 200 || !strings.Contains(cal, "SUMMARY:Forum des métiers du numérique") {
		t.Errorf("calendar: %d %q", resp.StatusCode, cal)
	}
	if resp, _ := f.visitor().get(t, ics[0]); resp.StatusCode == 200 {
		t.Error("a visitor downloads someone's calendar")
	}
	_, page := agent.get(t, eventPath)
	if !strings.Contains(page, "3e A") || !strings.Contains(page, "6 places libres sur 30") {
		t.Error("the organiser does not see the group, or the places left")
	}
	if err := f.db.InsertYouths(ctx, []domain.Youth{{ID: "young-ev", FirstName: "Léo", BirthDate: f.now.AddDate(-14, -1, 0)},
		{ID: "older-ev", FirstName: "Ana", BirthDate: f.now.AddDate(-16, -1, 0)}}); err != nil {
		t.Fatal(err)
	}
	young := f.signedInUser(t, "young-ev", domain.RoleYouth)
	young.get(t, eventPath)
	resp, body = young.post(t, eventPath+"/inscription", url.Values{"kind": {"youth"}, "request_key": {"y1"}})
	if resp.StatusCode != 403 || !strings.Contains(body, "Tu peux t&#39;inscrire seul·e à partir de 15 ans") {
		t.Errorf("a youth of 14 alone: %d", resp.StatusCode)
	}
	older := f.signedInUser(t, "older-ev", domain.RoleYouth)
	older.get(t, eventPath)
	if resp, _ := older.post(t, eventPath+"/inscription", url.Values{"kind": {"youth"}, "request_key": {"y2"}}); resp.StatusCode != 303 {
		t.Errorf("a youth of 16: %d", resp.StatusCode)
	}
	if _, mine := older.get(t, "/evenements/mes-evenements"); !strings.Contains(mine, "Ton inscription est confirmée") ||
		!strings.Contains(mine, "Annuler mon inscription") {
		t.Error("the youth is not told in their words")
	}
	_, public := f.get(t, eventPath)
	if strings.Contains(public, "3e A") {
		t.Error("a visitor sees the registrations")
	}
}

// eventExamples publishes a forum open to every public and registers each
// of the visitors to it through its page: a youth alone, a counsellor's
// group, an employer's stand, an association's members (by their roles).
func eventExamples(t *testing.T, f *fixture, registrants map[string]*visitor) string {
	t.Helper()
	start := f.now.AddDate(0, 0, 14)
	e := domain.Event{ID: "event-reach", Kind: domain.EventForum, Title: "Forum de l'alternance", Audiences: domain.EventAudiences,
		CommuneCode: "92050", Address: "Parvis de la mairie", StartsAt: start, EndsAt: start.Add(6 * time.Hour), Capacity: 100,
		SeatsLeft: 100, Stands: 10, StandsLeft: 10, Status: domain.EventPublished, Holders: []string{}, CreatedAt: f.now}
	if err := f.db.InsertEvent(context.Background(), &e); err != nil {
		t.Fatal(err)
	}
	forms := map[string]url.Values{"youth": {"kind": {"youth"}}, "counsellor": {"kind": {"group"}, "group_name": {"2nde C"}, "places": {"20"}},
		"employer": {"kind": {"stand"}}, "applicant": {"kind": {"person"}, "places": {"2"}}}
	for role, v := range registrants {
		_, page := v.get(t, "/evenements/"+e.ID)
		form := forms[role]
		if m := regexp.MustCompile(`name="organisation_id">\s*<option value="([^"]+)"`).FindStringSubmatch(page); m != nil {
			form.Set("organisation_id", m[1])
		}
		if resp, _ := v.post(t, "/evenements/"+e.ID+"/inscription", form); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s registers: %d", role, resp.StatusCode)
		}
	}
	return e.ID
}
