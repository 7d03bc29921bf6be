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
	"time"

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
		sweep := routeSweep{f: f, route: r, as: users[allowedRole(r)], path: withIDs(r.Path, ids)}
		if !sweep.allAtOnce(t) {
			sweep.oneByOne(t)
		}
		checked += len(badBodies)
	}
	t.Logf("%d route × bad body requests checked", checked)
}

// routeSweep sends the bad bodies to one route. A census of the database
// costs a query per collection, so the bodies are first sent together between
// two censuses; only a route that accepts one of them, or that ends the
// session, is swept again with a census around each body.
type routeSweep struct {
	f     *fixture
	route web.Route
	as    *member
	path  string
}

// allAtOnce reports whether the route could be judged with one census around
// all the bodies.
func (s routeSweep) allAtOnce(t *testing.T) bool {
	t.Helper()
	s.as.keepSignedIn(t, s.f)
	before, sessions := census(t, s.f), s.as.sessions
	var statuses []int
	for _, bad := range badBodies {
		statuses = append(statuses, s.send(t, bad))
	}
	s.as.keepSignedIn(t, s.f)
	if slices.ContainsFunc(statuses, func(status int) bool { return status < 400 }) || s.as.sessions != sessions {
		return false
	}
	s.compare(t, before, census(t, s.f), fmt.Sprintf("every bad body (%v)", statuses))
	return true
}

// oneByOne compares the database around each body: an accepted body may
// write, and the next one is compared with what it left.
func (s routeSweep) oneByOne(t *testing.T) {
	t.Helper()
	s.as.keepSignedIn(t, s.f)
	before := census(t, s.f)
	for _, bad := range badBodies {
		status := s.send(t, bad)
		after := census(t, s.f)
		if status >= 400 {
			s.compare(t, before, after, fmt.Sprintf("%s (%d)", bad.name, status))
		}
		if s.as.keepSignedIn(t, s.f) { // the sign-in writes: not the next body's doing
			after = census(t, s.f)
		}
		before = after
	}
}

func (s routeSweep) send(t *testing.T, bad badBody) int {
	t.Helper()
	resp := s.as.send(t, s.f, s.route.Method, s.path, bad)
	if resp.StatusCode >= 500 {
		t.Errorf("%s %s as %s with %s: %d", s.route.Method, s.route.Path, allowedRole(s.route), bad.name, resp.StatusCode)
	}
	return resp.StatusCode
}

func (s routeSweep) compare(t *testing.T, before, after map[string]string, refused string) {
	t.Helper()
	for coll, was := range before {
		if !volatile[coll] && after[coll] != was {
			t.Errorf("%s %s as %s refused %s but changed %s: %s → %s", s.route.Method, s.route.Path,
				allowedRole(s.route), refused, coll, was, after[coll])
		}
	}
}

func census(t *testing.T, f *fixture) map[string]string {
	t.Helper()
	c, err := f.db.Census(context.Background())
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
	start := f.now.AddDate(0, 0, 7)
	event := domain.Event{ID: "event-sweep", Kind: domain.EventForum, Title: "Forum", Audiences: domain.EventAudiences,
		CommuneCode: "92050", Address: "Mairie", StartsAt: start, EndsAt: start.Add(time.Hour), Capacity: 10, SeatsLeft: 10,
		Stands: 2, StandsLeft: 2, Status: domain.EventPublished, Holders: []string{}}
	for _, err := range []error{f.db.InsertOrganisations(ctx, []domain.Organisation{org}),
		f.db.InsertOffers(ctx, []domain.Offer{visit}), f.db.InsertSessions(ctx, sessions),
		f.db.InsertCalls(ctx, data.Calls[:1]), f.db.InsertEvent(ctx, &event)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return map[string]string{"offres": visit.ID, "offers": visit.ID, "favourites": visit.ID, "moderation": visit.ID,
		"visites": sessions[0].ID, "appels": data.Calls[0].ID, "organisations": org.ID,
		"personnes": users["youth"].user.ID, "evenements": event.ID}
}

// withIDs puts a real id in place of each parameter, after the path segment
// that names its kind.
func withIDs(path string, ids map[string]string) string {
	parts := strings.Split(path, "/")
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
	}
	return strings.Join(parts, "/")
}

// send posts a bad body as m with a valid anti-forgery token.
func (m *member) send(t *testing.T, f *fixture, method, path string, bad badBody) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(bad.body))
	req.Header.Set("Content-Type", bad.contentType)
	req.Header.Set("Accept-Language", "fr")
	return m.sendSigned(t, f, req)
}
