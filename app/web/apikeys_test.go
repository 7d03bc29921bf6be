package web_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/partners"
	"passerelle/app/store/storetest"
	"passerelle/app/web"
)

// keyCall calls the API with a partner's key, without session or
// anti-forgery token, and returns the answer.
func keyCall(t *testing.T, f *fixture, key, method, path string, body any) (*http.Response, map[string]any) {
	t.Helper()
	var reader io.Reader
	if body != nil {
		raw, _ := json.Marshal(body)
		reader = strings.NewReader(string(raw))
	}
	req := httptest.NewRequest(method, path, reader)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Accept", "application/json")
	resp, err := f.server.App().Test(req, 30_000)
	return resp, decoded(t, resp, err)
}

// wantProblem checks a refusal is a problem document with a French detail.
func wantProblem(t *testing.T, what string, resp *http.Response, body map[string]any, status int, detail string) {
	t.Helper()
	if resp.StatusCode != status || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/problem+json") ||
		body["detail"] != detail {
		t.Errorf("%s: %d %s %v, want %d with the problem %q", what, resp.StatusCode, resp.Header.Get("Content-Type"), body, status, detail)
	}
}

var shownKey = regexp.MustCompile(`value="(p92\.apikey-[^"]+)"`)

// createKey fills the staff's form and returns the key shown once.
func createKey(t *testing.T, staff *visitor, form url.Values) string {
	t.Helper()
	staff.get(t, "/agents/cles-api")
	resp, body := staff.post(t, "/agents/cles-api", form)
	wantStatus(t, resp, http.StatusCreated)
	m := shownKey.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("the created key is not shown:\n%s", body)
	}
	return m[1]
}

// TestPartnerAPIKeys: staff create keys on their page (bad input refused in
// French, nothing written), a partner's software posts an offer that waits
// for moderation, a missing scope is refused with 403, a key past its rate
// with 429 and Retry-After, a revoked key with 401; all of it audited.
func TestPartnerAPIKeys(t *testing.T) {
	f := newFixture(t)
	p := f.programme(t)
	ctx := context.Background()
	if err := f.db.InsertOrganisations(ctx, []domain.Organisation{{ID: "partner-org", Kind: domain.KindCompany,
		Name: "Régie de quartier des Blagis", SIRET: "35600000000048", CommuneCode: "92071"}}); err != nil {
		t.Fatal(err)
	}
	staff := f.signedInUser(t, "keys-staff", domain.RoleStaff)
	_, page := staff.get(t, "/agents")
	wantContains(t, page, `href="/agents/cles-api"`)

	jobBoard := url.Values{"partner": {"Emplois 92"}, "kind": {"job_board"}, "email": {"tech@emplois92.test"},
		"scopes": {"offers:read", "offers:write"}, "organisation": {"356 000 000 00048"}, "rate_per_minute": {"100"}}
	for _, bad := range []struct{ change, want string }{
		{"scopes=", "Cochez au moins un droit."},
		{"organisation=12345678901234", "Aucune organisation inscrite n&#39;a ce SIRET, ce RNA ou cet UAI."},
		{"rate_per_minute=0", "Indiquez un débit entre 1 et 10 000 requêtes par minute."},
		{"kind=bank", "Choisissez le type de partenaire."},
	} {
		form := url.Values{}
		for k, v := range jobBoard {
			form[k] = v
		}
		k, v, _ := strings.Cut(bad.change, "=")
		form.Del(k)
		if v != "" {
			form.Set(k, v)
		}
		staff.get(t, "/agents/cles-api")
		resp, body := staff.post(t, "/agents/cles-api", form)
		wantStatus(t, resp, http.StatusUnprocessableEntity)
		if !strings.Contains(body, bad.want) {
			i := strings.Index(body, `role="alert"`)
			t.Errorf("%s: the page says %q, want %q", bad.change, body[i:min(i+200, len(body))], bad.want)
		}
	}
	if written, err := f.db.APIKeysPage(ctx, domain.PageRequest{Number: 1, Size: 10}); err != nil || written.Total != 0 {
		t.Fatalf("a refused form wrote %d keys (%v)", written.Total, err)
	}

	key := createKey(t, staff, jobBoard)
	id := strings.Split(key, ".")[1]
	stored, err := f.db.APIKeyByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	secret := strings.Split(key, ".")[2]
	if stored.SecretHash == "" || strings.Contains(stored.SecretHash, secret) || stored.OrganisationName != "Régie de quartier des Blagis" {
		t.Errorf("stored key %+v", stored)
	}
	if _, body := staff.get(t, "/agents/cles-api"); strings.Contains(body, secret) || !strings.Contains(body, "Emplois 92") {
		t.Error("the list shows the secret again, or not the key")
	}

	// The partner posts an offer for its organisation, without naming it: it waits for moderation.
	body := f.offerBody("internship")
	delete(body, "organisation_id")
	resp, offer := keyCall(t, f, key, "POST", "/api/v1/offers", body)
	if resp.StatusCode != http.StatusCreated || offer["status"] != "pending" || offer["organisation_name"] != "Régie de quartier des Blagis" {
		t.Fatalf("offer by key: %d %v", resp.StatusCode, offer)
	}
	if queued, err := f.db.OfferByID(ctx, offer["id"].(string)); err != nil || queued.Status != domain.OfferPending || queued.ContactEmail != "tech@emplois92.test" {
		t.Errorf("the partner's offer as stored: %+v, %v", queued, err)
	}
	if resp, list := keyCall(t, f, key, "GET", "/api/v1/offers", nil); resp.StatusCode != http.StatusOK || !strings.Contains(jsonText(list), offer["id"].(string)) {
		t.Errorf("the key reads its organisation's offers: %d %v", resp.StatusCode, list)
	}

	// Scopes: open data it was not given, a route no key may use, another organisation's offer.
	resp, problem := keyCall(t, f, key, "GET", "/api/v1/offers/"+p.offerID+"/sessions", nil)
	wantProblem(t, "no open-data scope", resp, problem, http.StatusForbidden, "Cette clé d'API n'a pas le droit d'utiliser cette adresse.")
	resp, problem = keyCall(t, f, key, "GET", "/api/v1/bookings", nil)
	wantProblem(t, "a route without scope", resp, problem, http.StatusForbidden, "Cette clé d'API n'a pas le droit d'utiliser cette adresse.")
	if resp, _ := keyCall(t, f, key, "POST", "/api/v1/offers/"+p.offerID+"/close", nil); resp.StatusCode != http.StatusForbidden {
		t.Errorf("the key closed another organisation's offer: %d", resp.StatusCode)
	}

	// Rate: three requests a minute, the fourth and fifth refused, the first refusal audited.
	openData := createKey(t, staff, url.Values{"partner": {"Cahier numérique 92"}, "kind": {"school_software"},
		"email": {"api@cahier92.test"}, "scopes": {"open_data:read"}, "rate_per_minute": {"3"}})
	for i := range 5 {
		resp, out := keyCall(t, f, openData, "GET", "/api/v1/offers/"+p.offerID+"/sessions", nil)
		if i < 3 {
			wantStatus(t, resp, http.StatusOK)
			continue
		}
		wantProblem(t, "past the rate", resp, out, http.StatusTooManyRequests, "Trop de requêtes pour cette clé d'API : réessayez après le délai indiqué.")
		if after, err := strconv.Atoi(resp.Header.Get("Retry-After")); err != nil || after < 1 || after > 60 {
			t.Errorf("Retry-After %q", resp.Header.Get("Retry-After"))
		}
	}

	// Revocation: the next request is refused; a second revocation is a conflict.
	staff.get(t, "/agents/cles-api")
	resp, _ = staff.post(t, "/agents/cles-api/"+id+"/revocation", url.Values{})
	wantStatus(t, resp, http.StatusSeeOther)
	resp, problem = keyCall(t, f, key, "GET", "/api/v1/offers", nil)
	wantProblem(t, "revoked key", resp, problem, http.StatusUnauthorized, "Clé d'API inconnue ou révoquée.")
	if resp.Header.Get("WWW-Authenticate") == "" {
		t.Error("401 without WWW-Authenticate")
	}
	for _, forged := range []string{"p92." + id + ".AAAAAAAAAAAAAAAAAAAAAAAAAA", "p92.apikey-NOPE.x", "n'importe quoi"} {
		resp, problem = keyCall(t, f, forged, "GET", "/api/v1/offers", nil)
		wantProblem(t, "forged key "+forged, resp, problem, http.StatusUnauthorized, "Clé d'API inconnue ou révoquée.")
	}
	staff.get(t, "/agents/cles-api")
	resp, _ = staff.post(t, "/agents/cles-api/"+id+"/revocation", url.Values{})
	wantStatus(t, resp, http.StatusConflict)

	// The audit trail: created, used for an offer, rate-limited once, revoked.
	events, err := f.db.LatestAudit(ctx, "", 200)
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, e := range events {
		switch {
		case e.Action == domain.AuditAPIKeyCreated && e.ActorID == "keys-staff",
			e.Action == domain.AuditAPIKeyRevoked && e.ActorID == "keys-staff" && e.TargetID == id,
			e.Action == domain.AuditAPIKeyRateLimited && strings.HasPrefix(e.ActorID, "apikey-"),
			e.Action == "offer.created" && e.ActorID == id:
			count[e.Action]++
		}
	}
	want := map[string]int{domain.AuditAPIKeyCreated: 2, domain.AuditAPIKeyRevoked: 1, domain.AuditAPIKeyRateLimited: 1, "offer.created": 1}
	for action, n := range want {
		if count[action] != n {
			t.Errorf("audit has %d %s, want %d (%v)", count[action], action, n, count)
		}
	}
}

func jsonText(v any) string {
	raw, _ := json.Marshal(v)
	return string(raw)
}

// TestAPIKeyAccessMatrix walks every route with a key of each scope: a key
// passes the access rules exactly where routes.go names its scope, and is
// refused (403, problem document) everywhere else; a revoked key nowhere.
func TestAPIKeyAccessMatrix(t *testing.T) {
	f := newEmptyFixture(t, storetest.Open(t), func(*web.Deps) {})
	ctx := context.Background()
	if err := f.db.InsertOrganisations(ctx, []domain.Organisation{{ID: "matrix-org", Kind: domain.KindCompany,
		Name: "Matrice SA", SIRET: "35600000000048"}}); err != nil {
		t.Fatal(err)
	}
	keys := partners.New(f.db, slog.New(slog.DiscardHandler), func() time.Time { return f.now })
	admin := &domain.User{ID: "matrix-staff", Roles: []domain.Role{domain.RoleStaff}}
	raw := map[domain.APIKeyScope]string{}
	for _, scope := range domain.APIKeyScopes {
		in := partners.Input{Partner: "Matrice " + string(scope), Kind: domain.PartnerOther, ContactEmail: "m@matrice.test",
			Scopes: []domain.APIKeyScope{scope}, Organisation: "35600000000048", RatePerMinute: partners.MaxRate}
		key, _, err := keys.Create(ctx, admin, in, "192.0.2.1")
		if err != nil {
			t.Fatal(err)
		}
		raw[scope] = key
	}
	revoked, k, err := keys.Create(ctx, admin, partners.Input{Partner: "Révoquée", Kind: domain.PartnerOther,
		ContactEmail: "r@matrice.test", Scopes: domain.APIKeyScopes, Organisation: "35600000000048", RatePerMinute: partners.MaxRate}, "")
	if err != nil || keys.Revoke(ctx, admin, k.ID, "") != nil {
		t.Fatal("revoked key", err)
	}
	scoped, checked := 0, 0
	for _, r := range f.server.Routes() {
		if r.Path == "/static/*" || r.Path == "/healthz" || r.Path == "/readyz" || r.Path == "/metrics" {
			continue // answered before any credential is read
		}
		path := concrete(r.Path)
		if r.Scope != "" {
			scoped++
		}
		for scope, key := range raw {
			resp, body := keyCall(t, f, key, r.Method, path, nil)
			refused := resp.Header.Get("X-Access-Denied") == "scope"
			if want := r.Scope == scope; want == refused {
				t.Errorf("%s %s with a %s key: %d %v (refused by scope: %v)", r.Method, r.Path, scope, resp.StatusCode, body, refused)
			}
			if refused && (resp.StatusCode != http.StatusForbidden || body["detail"] == nil) {
				t.Errorf("%s %s with a %s key: refused with %d %v", r.Method, r.Path, scope, resp.StatusCode, body)
			}
			checked++
		}
		if resp, _ := keyCall(t, f, revoked, r.Method, path, nil); resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("%s %s with a revoked key: %d", r.Method, r.Path, resp.StatusCode)
		}
	}
	if scoped < 8 {
		t.Errorf("only %d routes admit a key", scoped)
	}
	t.Logf("%d route × key pairs checked", checked)
}

// TestOpenAPIDeclaresThePartnerKeys: the description declares the key's
// scheme, and each operation that admits a key names it with the scope
// routes.go gives it — and no other operation does.
func TestOpenAPIDeclaresThePartnerKeys(t *testing.T) {
	f := newEmptyFixture(t, storetest.Open(t), func(*web.Deps) {})
	_, body := f.visitor().get(t, "/api/v1/openapi.json")
	var doc struct {
		Paths      map[string]map[string]map[string]any `json:"paths"`
		Components struct {
			SecuritySchemes map[string]struct{ Type, Scheme string } `json:"securitySchemes"`
		} `json:"components"`
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}
	if s := doc.Components.SecuritySchemes["partnerKey"]; s.Type != "http" || s.Scheme != "bearer" {
		t.Errorf("partnerKey scheme = %+v", s)
	}
	scopes := map[string]string{}
	for _, r := range f.server.Routes() {
		if r.Scope != "" {
			scopes[strings.ToLower(r.Method)+" "+regexp.MustCompile(`:(\w+)`).ReplaceAllString(r.Path, "{$1}")] = string(r.Scope)
		}
	}
	for path, ops := range doc.Paths {
		for method, op := range ops {
			declared, _ := op["x-partner-scope"].(string)
			want := scopes[method+" "+path]
			if declared != want || (want != "") != strings.Contains(jsonText(op["security"]), `"partnerKey"`) {
				t.Errorf("%s %s: x-partner-scope %q and security %v, want scope %q", method, path, declared, op["security"], want)
			}
		}
	}
}
