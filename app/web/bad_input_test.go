package web_test

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"passerelle/app/demo"
	"passerelle/app/domain"
	"passerelle/app/notify"
	"passerelle/app/store/storetest"
	"passerelle/app/web"
)

// badBody is one kind of bad input, sent as a browser form or as JSON.
type badBody struct {
	name, contentType, body string
}

var oversized = strings.Repeat("é", 20_000) // over every text limit, under the body limit

// badBodies are the inputs every state-changing route is sent.
var badBodies = []badBody{
	{"empty form", "application/x-www-form-urlencoded", ""},
	{"oversized", "application/x-www-form-urlencoded", formOf(map[string]string{"title": oversized, "name": oversized,
		"description": oversized, "message": oversized, "group_name": oversized, "reason": oversized, "email": oversized})},
	{"wrong JSON types", "application/json", `{"seats":"beaucoup","capacity":[1],"title":42,"starts_at":"demain","waitlist":"oui","status":{}}`},
	{"JSON null", "application/json", "null"},
	{"control characters", "application/x-www-form-urlencoded", formOf(map[string]string{"title": "a\r\nb\tc\x1b[31m",
		"name": "\x07\x08", "group_name": "3e\u2028B", "message": "\x1b]0;x\x07", "email": "a\r\n@example.fr"})},
	{"NUL", "application/x-www-form-urlencoded", formOf(map[string]string{"title": "a\x00b", "message": "\x00",
		"email": "lea\x00@example.fr", "password": "\x00\x00"})},
	{"NUL in JSON", "application/json", `{"title":"a\u0000b","message":"\u0000","reason":"x\u0000"}`},
}

func formOf(fields map[string]string) string {
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(fields)) {
		fmt.Fprintf(&b, "%s=%s&", k, urlEscape(fields[k]))
	}
	return strings.TrimSuffix(b.String(), "&")
}

func urlEscape(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// TestBadInputSweep sends every bad body to every POST, PUT and DELETE route
// of the server, as a role its access rule allows, with a valid anti-forgery
// token and a real object where the route has one: never a 500, and a
// refused request leaves every collection as it was.
func TestBadInputSweep(t *testing.T) {
	if testing.Short() {
		t.Skip("hundreds of requests")
	}
	db := storetest.Open(t)
	f := newEmptyFixture(t, db, func(d *web.Deps) {
		prefs, err := notify.New(db, nil, d.Catalog, notify.Config{BaseURL: "https://passerelle.test",
			Secret: []byte(strings.Repeat("s", 32))}, d.Logger)
		if err != nil {
			t.Fatal(err)
		}
		d.EmailPreferences = prefs // the email preferences routes, which the other fixtures leave out
	})
	users := roleUsers(t, f)
	ids := realIDs(t, f, users)
	checked := 0
	for _, r := range f.server.Routes() {
		if r.Method != http.MethodPost && r.Method != http.MethodPut && r.Method != http.MethodDelete && r.Method != http.MethodPatch {
			continue
		}
		role := allowedRole(r)
		path, touched := withIDs(r.Path, ids)
		before := census(t, f, touched)
		for _, bad := range badBodies {
			resp := users[role].send(t, f, r.Method, path, bad)
			checked++
			if resp.StatusCode >= 500 {
				t.Errorf("%s %s as %s with %s: %d", r.Method, r.Path, role, bad.name, resp.StatusCode)
			}
			after := census(t, f, touched)
			if resp.StatusCode >= 400 {
				for coll, was := range before {
					if !volatile[coll] && after[coll] != was {
						t.Errorf("%s %s as %s with %s refused with %d but changed %s: %s → %s", r.Method, r.Path, role,
							bad.name, resp.StatusCode, coll, was, after[coll])
					}
				}
			}
			before = after // an accepted request may write: the next one is compared with what it left
		}
	}
	t.Logf("%d route × bad body requests checked", checked)
}

func census(t *testing.T, f *fixture, ids []string) map[string]string {
	t.Helper()
	c, err := f.db.Census(context.Background(), ids...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// volatile collections change on a refusal by design: the audit of the
// refusal, rate-limit counters, the session's last activity.
var volatile = map[string]bool{"audit_log": true, "rate_limits": true, "web_sessions": true}

// allowedRole is a role the access rule of a route lets in: staff where it
// may (staff pass ownership rules), else the first role named.
func allowedRole(r web.Route) string {
	switch {
	case r.Anonymous:
		return "anonymous"
	case len(r.Roles) == 0 || slices.Contains(r.Roles, domain.RoleStaff):
		return "staff"
	}
	return string(r.Roles[0])
}

// realIDs saves a small world (an organisation, a published visit offer,
// its sessions, an open call) and returns an existing object for each kind
// of route parameter: small, so that counting every collection around each
// request stays cheap.
func realIDs(t *testing.T, f *fixture, users map[string]*member) map[string]string {
	t.Helper()
	ctx := context.Background()
	data := demo.Generate(f.now)
	var visit domain.Offer
	for _, o := range data.Offers {
		if o.Type == domain.OfferVisit && o.Status == domain.OfferPublished {
			visit = o
			break
		}
	}
	var sessions []domain.VisitSession
	for _, s := range data.Sessions {
		if s.OfferID == visit.ID {
			sessions = append(sessions, s)
		}
	}
	org := domain.Organisation{ID: visit.OrganisationID, Kind: domain.KindCompany, Name: visit.OrganisationName,
		CommuneCode: visit.CommuneCode, Verified: true}
	for _, err := range []error{f.db.InsertOrganisations(ctx, []domain.Organisation{org}),
		f.db.InsertOffers(ctx, []domain.Offer{visit}), f.db.InsertSessions(ctx, sessions),
		f.db.InsertCalls(ctx, data.Calls[:1])} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return map[string]string{"offres": visit.ID, "offers": visit.ID, "favourites": visit.ID, "moderation": visit.ID,
		"visites": sessions[0].ID, "appels": data.Calls[0].ID, "organisations": org.ID,
		"personnes": users["youth"].user.ID}
}

// withIDs puts a real id in place of each parameter, after the path segment
// that names its kind, and returns them.
func withIDs(path string, ids map[string]string) (string, []string) {
	parts := strings.Split(path, "/")
	var used []string
	for i, p := range parts {
		if !strings.HasPrefix(p, ":") {
			continue
		}
		id, ok := "", false
		if i > 0 {
			id, ok = ids[parts[i-1]]
		}
		if !ok {
			id = "inconnu-" + strings.TrimPrefix(p, ":")
		}
		parts[i] = id
		used = append(used, id)
	}
	return strings.Join(parts, "/"), used
}

// send posts a bad body as m with a valid anti-forgery token.
func (m *member) send(t *testing.T, f *fixture, method, path string, bad badBody) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(bad.body))
	req.Header.Set("Content-Type", bad.contentType)
	req.Header.Set("Accept-Language", "fr")
	return m.sendSigned(t, f, req)
}
