package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"passerelle/app/account"
	"passerelle/app/domain"
	"passerelle/app/store/storetest"
	"passerelle/app/web"
)

// roleUsers stores one verified user per role; anonymous is the nil entry.
func roleUsers(t *testing.T, f *fixture) map[string]*member {
	t.Helper()
	users := map[string]*member{"anonymous": {}}
	var all []domain.User
	for _, r := range domain.Roles {
		now := f.now
		all = append(all, domain.User{ID: "user-matrix-" + string(r), Email: string(r) + "@matrix.test", Name: string(r),
			Roles: []domain.Role{r}, Locale: "fr", CreatedAt: now, EmailVerifiedAt: &now})
	}
	if err := f.db.InsertUsers(context.Background(), all); err != nil {
		t.Fatal(err)
	}
	for i := range all {
		users[string(all[i].Roles[0])] = &member{user: &all[i]}
	}
	return users
}

// concrete fills a route's parameters with values that exist nowhere.
func concrete(path string) string {
	path = strings.ReplaceAll(path, "*", "app.css")
	parts := strings.Split(path, "/")
	for i, p := range parts {
		if strings.HasPrefix(p, ":") {
			parts[i] = "inconnu-" + strings.TrimPrefix(p, ":")
		}
	}
	return strings.Join(parts, "/")
}

// member is a role's user in the matrix, with a session that is replaced
// when a route ended it.
type member struct {
	user     *domain.User
	session  string
	sessions int // started so far: each one writes the user's last sign-in
}

// request sends method path as m, with a valid anti-forgery token.
func (m *member) request(t *testing.T, f *fixture, method, path string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(""))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "text/html")
	return m.sendSigned(t, f, req)
}

// sendSigned sends req as m — in m's session, started when needed, or
// anonymously — with a valid anti-forgery token, and closes the body.
func (m *member) sendSigned(t *testing.T, f *fixture, req *http.Request) *http.Response {
	t.Helper()
	binding := strings.Repeat("a", 32)
	if m.user != nil {
		m.keepSignedIn(t, f)
		binding = m.session
		req.AddCookie(&http.Cookie{Name: "p92_session", Value: binding})
	} else {
		req.AddCookie(&http.Cookie{Name: "p92_csrf", Value: binding})
	}
	req.Header.Set("X-CSRF-Token", csrfFor(binding))
	resp, err := f.server.App().Test(req, testTimeout)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	for _, c := range resp.Cookies() {
		if c.Name == "p92_session" {
			m.session = "" // ended or replaced: start a new one next time
		}
	}
	return resp
}

// keepSignedIn starts a new session for m when a request ended the last one,
// and says whether it did.
func (m *member) keepSignedIn(t *testing.T, f *fixture) bool {
	if m.user == nil || m.session != "" {
		return false
	}
	m.session = f.startSession(t, m.user)
	m.sessions++
	return true
}

func (f *fixture) startSession(t testing.TB, user *domain.User) string {
	t.Helper()
	raw, err := f.accounts.StartSession(context.Background(), user, account.Client{IP: "192.0.2.1"})
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// expected says what the access rule of a route promises to a role: "ok"
// (anything but a refusal), "sign-in" (sent to sign in) or "forbidden".
func expected(r web.Route, role string) string {
	switch {
	case r.Anonymous:
		return "ok"
	case role == "anonymous":
		return "sign-in"
	case len(r.Roles) > 0 && !slices.Contains(r.Roles, domain.Role(role)):
		return "forbidden"
	case r.Owner != "" && role != "staff" && role != "admin":
		return "forbidden" // the matrix users own nothing
	}
	return "ok"
}

// outcome reads the access rules' decision: a refusal by a handler's own
// business rule (say, an applicant without an organisation) passed the rules.
func outcome(resp *http.Response) string {
	switch rule := resp.Header.Get("X-Access-Denied"); {
	case rule == "sign-in" && (resp.StatusCode == http.StatusUnauthorized ||
		resp.StatusCode == http.StatusSeeOther && strings.HasPrefix(resp.Header.Get("Location"), "/connexion?suite=")):
		return "sign-in"
	case (rule == "role" || rule == "owner") && resp.StatusCode == http.StatusForbidden:
		return "forbidden"
	case rule != "":
		return "refused by " + rule + " with status " + resp.Status
	}
	return "ok"
}

// rule finds the access rule routes.go gives method path.
func rule(s *web.Server, method, path string) (web.Route, bool) {
	i := slices.IndexFunc(s.Routes(), func(r web.Route) bool { return r.Method == method && r.Path == path })
	if i < 0 {
		return web.Route{}, false
	}
	return s.Routes()[i], true
}

// TestAccessMatrix walks every route of the server × every role, anonymous
// included, and checks the access declared with it holds. A route registered
// around the route table, without a rule, fails here.
func TestAccessMatrix(t *testing.T) {
	f := newEmptyFixture(t, storetest.Open(t), func(*web.Deps) {})
	users := roleUsers(t, f)
	checked := 0
	for _, r := range f.server.App().GetRoutes(true) {
		if r.Method == http.MethodHead {
			continue
		}
		declared, ok := rule(f.server, r.Method, r.Path)
		if !ok {
			t.Errorf("%s %s has no access rule in app/web/routes.go", r.Method, r.Path)
			continue
		}
		for role, m := range users {
			want := expected(declared, role)
			resp := m.request(t, f, r.Method, concrete(r.Path))
			if got := outcome(resp); got != want {
				t.Errorf("%s %s as %s: %d (%s), want %s", r.Method, r.Path, role, resp.StatusCode, got, want)
			}
			checked++
		}
	}
	t.Logf("%d route × role pairs checked", checked)
}

func TestAccessRulesNameTheSensitiveRoutes(t *testing.T) {
	f := newEmptyFixture(t, storetest.Open(t), func(*web.Deps) {})
	for _, c := range []struct {
		method, path string
		anonymous    bool
	}{
		{"GET", "/", true}, {"GET", "/connexion", true}, {"POST", "/inscription", true},
		{"GET", "/compte", false}, {"POST", "/deconnexion/partout", false},
	} {
		r, ok := rule(f.server, c.method, c.path)
		if !ok || r.Anonymous != c.anonymous {
			t.Errorf("%s %s: anonymous=%v declared=%v", c.method, c.path, r.Anonymous, ok)
		}
	}
}
