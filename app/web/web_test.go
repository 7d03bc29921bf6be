package web_test

import (
	"context"
	"errors"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"passerelle/app/account"
	"passerelle/app/account/accounttest"
	"passerelle/app/demo"
	"passerelle/app/domain"
	"passerelle/app/events"
	"passerelle/app/i18n"
	"passerelle/app/mail/mailtest"
	"passerelle/app/partners"
	"passerelle/app/passerelle"
	"passerelle/app/progress"
	"passerelle/app/store"
	"passerelle/app/store/storetest"
	"passerelle/app/support"
	"passerelle/app/web"
)

// fixture is a web server over a real embedded database holding the demo data.
type fixture struct {
	server   *web.Server
	db       *store.DB
	now      time.Time
	accounts *account.Service
	mails    *mailtest.Server
}

// newFixture is a server over the demo data.
func newFixture(t testing.TB, checks ...web.Check) *fixture {
	t.Helper()
	return newEmptyFixture(t, demoDB(t), func(*web.Deps) {}, checks...)
}

// fixtureNow is the fixed clock of every fixture.
var fixtureNow = time.Date(2026, 11, 26, 10, 0, 0, 0, domain.Paris)

// demoDB is a database holding the demo data of fixtureNow, loaded once per
// test run and copied for each test.
func demoDB(t testing.TB) *store.DB {
	t.Helper()
	return storetest.OpenWith(t, "web-demo", loadDemo)
}

// loadDemo inserts the demo data of fixtureNow.
func loadDemo(ctx context.Context, db *store.DB) error {
	data := demo.Generate(fixtureNow)
	return errors.Join(db.InsertOrganisations(ctx, data.Organisations), db.InsertYouths(ctx, data.Youths),
		db.InsertOffers(ctx, data.Offers), db.InsertSessions(ctx, data.Sessions), db.InsertCalls(ctx, data.Calls))
}

// newEmptyFixture is a server over db as it is, without the demo data: for
// tests that make many requests whose content does not matter.
func newEmptyFixture(t testing.TB, db *store.DB, adjust func(*web.Deps), checks ...web.Check) *fixture {
	t.Helper()
	now := fixtureNow
	catalog, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	checks = append([]web.Check{{Name: "database", Check: db.Ping}}, checks...)
	clock := func() time.Time { return now }
	programme := passerelle.NewService(db, nil, nil, slog.New(slog.DiscardHandler), passerelle.Config{Now: clock})
	accompaniment := support.New(db, nil, slog.New(slog.DiscardHandler), clock)
	accounts, mails := accounttest.New(t, db, func(c *account.Config) {
		c.DataHolders = []account.DataHolder{programme, accompaniment} // as app/services.go wires it
	})
	deps := web.Deps{Logger: slog.New(slog.DiscardHandler), Catalog: catalog, Store: db,
		Readiness: checks, Now: clock, Accounts: accounts, People: db, CSRFKey: []byte(strings.Repeat("k", 32)),
		Progress:   progress.New(db, nil, slog.New(slog.DiscardHandler), progress.Config{Now: clock}),
		Passerelle: programme, Campaigns: newCampaigns(t, db, catalog, clock),
		Recommendations: newRecommendations(db, clock), Publication: testPublication,
		Partners: partners.New(db, slog.New(slog.DiscardHandler), clock),
		Support:  accompaniment,
		Events:   events.New(db, nil, slog.New(slog.DiscardHandler), clock)}
	adjust(&deps)
	srv, err := web.New(deps)
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{server: srv, db: db, now: now, accounts: accounts, mails: mails}
}

// signedInUser inserts a user with a role and organisations, and signs them in.
func (f *fixture) signedInUser(t *testing.T, id string, role domain.Role, orgs ...string) *visitor {
	t.Helper()
	now := f.now
	u := domain.User{ID: id, Email: id + "@asso.test", Name: id, Roles: []domain.Role{role}, OrganisationIDs: orgs,
		Locale: "fr", CreatedAt: now, EmailVerifiedAt: &now}
	if err := f.db.InsertUsers(context.Background(), []domain.User{u}); err != nil {
		t.Fatal(err)
	}
	v := f.visitor()
	v.cookies["p92_session"] = f.startSession(t, &u)
	return v
}

// testTimeout is how long, in milliseconds, a test waits for an answer: a
// hang fails the test, a crowd of parallel tests on a loaded machine does not.
const testTimeout = 180_000

// get requests path with the given headers and returns the response and body.
func (f *fixture) get(t *testing.T, path string, headers ...string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := f.server.App().Test(req, testTimeout)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

// wantContains checks the text of body, HTML entities decoded.
func wantContains(t *testing.T, body string, parts ...string) {
	t.Helper()
	body = html.UnescapeString(body)
	for _, p := range parts {
		if !strings.Contains(body, p) {
			t.Errorf("body lacks %q", p)
		}
	}
}

var errDown = errors.New("connection refused")
