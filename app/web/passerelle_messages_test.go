package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"passerelle/app/domain"
)

// apply makes the programme's youth apply to the programme's offer through
// the API and returns the application's id.
func (p *programme) apply(t *testing.T) string {
	t.Helper()
	status, a := p.youth.call(t, "POST", "/api/v1/offers/"+p.offerID+"/applications", map[string]any{"message": "Bonjour"})
	if status != http.StatusCreated {
		t.Fatalf("apply: %d %v", status, a)
	}
	return a["id"].(string)
}

// The employer writes from the application's page; bad input shows the page
// again with a French message and the typed text, and saves nothing; the
// youth reads the message on their own page of the application.
func TestApplicationMessageForm(t *testing.T) {
	f := newFixture(t)
	p := f.programme(t)
	appID := p.apply(t)
	employer, youth := p.employer.pageVisitor(), p.youth.pageVisitor()
	page, action := "/employeurs/candidatures/"+appID, "/candidatures/"+appID+"/messages"

	_, body := employer.get(t, "/employeurs/offres/"+p.offerID)
	wantContains(t, body, `href="`+page+`"`)
	resp, body := employer.get(t, page)
	wantStatus(t, resp, http.StatusOK)
	wantContains(t, body, "Candidature à « Visite du fournil »", "Aucun message pour le moment.", `action="`+action+`"`)
	long := strings.Repeat("Très motivé. ", 200)
	for typed, want := range map[string]string{"  \n ": "Écrivez un message avant de l'envoyer.",
		long: "Le message doit compter au plus 2 000 caractères."} {
		resp, body = employer.post(t, action, url.Values{"body": {typed}})
		wantStatus(t, resp, http.StatusUnprocessableEntity)
		wantContains(t, body, want, strings.TrimSpace(typed), `aria-invalid="true"`)
	}
	if msgs, _ := f.db.ApplicationMessages(context.Background(), appID); len(msgs) != 0 {
		t.Fatalf("bad input saved %d messages", len(msgs))
	}
	resp, _ = employer.post(t, action, url.Values{"body": {"Venez mardi à 10 h, au fournil."}})
	wantStatus(t, resp, http.StatusSeeOther)
	if got := resp.Header.Get("Location"); got != page+"?envoye=1#messages" {
		t.Errorf("redirected to %q", got)
	}
	_, body = youth.get(t, "/jeunes/candidatures")
	wantContains(t, body, `href="/jeunes/candidatures/`+appID+`"`, "vue")
	resp, body = youth.get(t, "/jeunes/candidatures/"+appID)
	wantStatus(t, resp, http.StatusOK)
	wantContains(t, body, "Boulangerie Éclair", "Venez mardi à 10 h, au fournil.", "le jeudi 26 novembre 2026 à 10 h 00")

	other := f.apiUser(t, "msg-other-emp", domain.RoleEmployer, "other-company").pageVisitor()
	resp, _ = other.get(t, page)
	wantStatus(t, resp, http.StatusForbidden)
	resp, _ = other.post(t, action, url.Values{"body": {"Bonjour"}})
	wantStatus(t, resp, http.StatusForbidden)
}

// The API reads and writes the same thread with the same rules, and answers
// refusals with problem documents.
func TestApplicationMessagesAPI(t *testing.T) {
	f := newFixture(t)
	p := f.programme(t)
	appID := p.apply(t)
	path := "/api/v1/applications/" + appID + "/messages"
	status, m := p.youth.call(t, "POST", path, map[string]any{"body": "Je suis disponible le mercredi."})
	if status != http.StatusCreated || m["author_side"] != "youth" || m["author_name"] != "api-youth" || m["author_id"] != nil {
		t.Fatalf("youth's message: %d %v", status, m)
	}
	for _, reader := range []*apiUser{p.employer, p.youth, p.staff} {
		status, list := reader.call(t, "GET", path, nil)
		if items, _ := list["items"].([]any); status != http.StatusOK || len(items) != 1 || list["total"] != 1.0 {
			t.Errorf("thread read: %d %v", status, list)
		}
	}
	if status, list := p.counsellor.call(t, "GET", path, nil); status != http.StatusForbidden || list["detail"] == "" {
		t.Errorf("a counsellor read the thread: %d %v", status, list)
	}
	if status, _ := p.employer.call(t, "POST", "/api/v1/applications/"+appID+"/status", map[string]any{"status": "declined"}); status != http.StatusOK {
		t.Fatalf("decline: %d", status)
	}
	status, problem := p.employer.call(t, "POST", path, map[string]any{"body": "Désolé."})
	wantFrench(t, status, problem, http.StatusConflict, "")
}
