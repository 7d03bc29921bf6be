package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
)

// apiUser calls the JSON API as a signed-in user, over a real connection
// when base is set, and through the server's handler otherwise.
type apiUser struct {
	f       *fixture
	base    string
	session string
}

func (f *fixture) apiUser(t testing.TB, id string, role domain.Role, orgs ...string) *apiUser {
	t.Helper()
	u := domain.User{ID: id, Email: id + "@passerelle.test", Name: id, Roles: []domain.Role{role}, OrganisationIDs: orgs,
		Locale: "fr", CreatedAt: f.now, EmailVerifiedAt: &f.now}
	if err := f.db.InsertUsers(context.Background(), []domain.User{u}); err != nil {
		t.Fatal(err)
	}
	return &apiUser{f: f, session: f.startSession(t, &u)}
}

// call sends body as JSON and returns the status and the decoded answer.
func (u *apiUser) call(t testing.TB, method, path string, body any) (int, map[string]any) {
	t.Helper()
	var buf bytes.Buffer
	if s, ok := body.(string); ok {
		buf.WriteString(s)
	} else if body != nil {
		_ = json.NewEncoder(&buf).Encode(body)
	}
	req, _ := http.NewRequest(method, u.base+path, &buf)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept-Language", "fr")
	req.Header.Set("X-CSRF-Token", csrfFor(u.session))
	req.AddCookie(&http.Cookie{Name: "p92_session", Value: u.session})
	resp, err := u.send(req)
	out := decoded(t, resp, err)
	return resp.StatusCode, out
}

// decoded reads and closes the body of an API answer, decoded from JSON.
func decoded(t testing.TB, resp *http.Response, err error) map[string]any {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out map[string]any
	_ = json.Unmarshal(raw, &out)
	return out
}

func (u *apiUser) send(req *http.Request) (*http.Response, error) {
	if u.base != "" {
		return http.DefaultClient.Do(req)
	}
	return u.f.server.App().Test(req, testTimeout)
}

// listen serves the fixture's server on a real port for the test.
func (f *fixture) listen(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = f.server.Serve(ln) }()
	t.Cleanup(func() { _ = f.server.Shutdown(context.Background()) })
	return "http://" + ln.Addr().String()
}

// programme sets up a verified employer, a priority-education school and
// their people, and a published visit offer.
type programme struct {
	employer, counsellor, youth, staff *apiUser
	offerID                            string
}

func (f *fixture) programme(t testing.TB) *programme {
	t.Helper()
	ctx := context.Background()
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.db.InsertOrganisations(ctx, []domain.Organisation{
		{ID: "api-company", Kind: domain.KindCompany, Name: "Boulangerie Éclair", CommuneCode: "92050", Verified: true},
		{ID: "api-school", Kind: domain.KindSchool, Name: "Collège Paul-Éluard", CommuneCode: "92050", Priority: "REP"},
	}))
	p := &programme{employer: f.apiUser(t, "api-emp", domain.RoleEmployer, "api-company"),
		counsellor: f.apiUser(t, "api-cpe", domain.RoleCounsellor, "api-school"),
		youth:      f.apiUser(t, "api-youth", domain.RoleYouth), staff: f.apiUser(t, "api-staff", domain.RoleStaff)}
	must(f.db.InsertYouths(ctx, []domain.Youth{{ID: "api-youth", FirstName: "Sami", BirthDate: f.now.AddDate(-16, -2, 0), Level: "2nde"}}))
	status, o := p.employer.call(t, "POST", "/api/v1/offers", f.offerBody("visit"))
	if status != http.StatusCreated {
		t.Fatalf("create offer: %d %v", status, o)
	}
	p.offerID = o["id"].(string)
	return p
}

func (f *fixture) offerBody(typ string) map[string]any {
	return map[string]any{"organisation_id": "api-company", "type": typ, "title": "Visite du fournil",
		"description": "Découvrir le pétrissage, le façonnage et la cuisson du pain.", "rome_codes": []string{"D1102"},
		"commune_code": "92050", "start_date": f.now.AddDate(0, 1, 0), "end_date": f.now.AddDate(0, 6, 0), "places": 1}
}

func (f *fixture) sessionBody(capacity int) map[string]any {
	start := f.now.AddDate(0, 0, 21)
	return map[string]any{"starts_at": start, "ends_at": start.Add(2 * time.Hour), "capacity": capacity,
		"min_group": 1, "max_group": capacity, "meeting_point": "Accueil, 3 rue du Four, Nanterre"}
}

func wantFrench(t *testing.T, status int, body map[string]any, wantStatus int, field string) {
	t.Helper()
	detail, _ := body["detail"].(string)
	if status != wantStatus || detail == "" || strings.HasPrefix(detail, "error.") || body["field"] != nilIfEmpty(field) {
		t.Errorf("got %d %v, want %d with a French detail on %q", status, body, wantStatus, field)
	}
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
