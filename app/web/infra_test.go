package web_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"passerelle/app/store"
	"passerelle/app/web"
)

func TestErrorsAreHTMLOrProblemJSON(t *testing.T) {
	f := newFixture(t)
	resp, body := f.get(t, "/nulle-part", "Accept", "text/html")
	if resp.StatusCode != http.StatusNotFound || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("HTML 404: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	wantContains(t, body, "Cette page n'existe pas ou plus.")

	for _, c := range []struct{ path, accept string }{{"/nulle-part", "application/json"}, {"/api/v1/nulle-part", ""}} {
		resp, body = f.get(t, c.path, "Accept", c.accept)
		var p map[string]any
		if err := json.Unmarshal([]byte(body), &p); err != nil {
			t.Fatalf("%s: not JSON: %s", c.path, body)
		}
		if resp.Header.Get("Content-Type") != "application/problem+json" || p["status"] != 404.0 || p["request_id"] == "" {
			t.Fatalf("%s: problem %v (%s)", c.path, p, resp.Header.Get("Content-Type"))
		}
	}
}

func TestInternalErrorsHideDetails(t *testing.T) {
	db, err := store.Open(context.Background(), store.Config{DataDir: t.TempDir()}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	f := newEmptyFixture(t, db, func(*web.Deps) {})
	if err := db.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	resp, body := f.get(t, "/", "Accept", "application/json")
	if resp.StatusCode < 500 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	wantContains(t, body, `"status":`+strconv.Itoa(resp.StatusCode), "request_id")
	if strings.Contains(strings.ToLower(body), "client is disconnected") || strings.Contains(body, "mongo") {
		t.Fatalf("internal details leaked: %s", body)
	}
}

func TestReadinessFailsWhenAPartIsDown(t *testing.T) {
	f := newFixture(t)
	resp, _ := f.get(t, "/readyz")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("ready: %d", resp.StatusCode)
	}
	down := newFixture(t, web.Check{Name: "search", Check: func(context.Context) error { return errDown }})
	resp, body := down.get(t, "/readyz")
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("search down: %d", resp.StatusCode)
	}
	wantContains(t, body, `"search":"unavailable"`, `"database":"ok"`)
	if strings.Contains(body, errDown.Error()) {
		t.Fatal("readiness leaks the error text")
	}
}

func TestStaticAssetsAreChecksummedAndCached(t *testing.T) {
	f := newFixture(t)
	_, body := f.get(t, "/")
	css := regexp.MustCompile(`/static/app\.[0-9a-f]{10}\.css`).FindString(body)
	if css == "" {
		t.Fatal("no checksummed stylesheet URL in the page")
	}
	resp, _ := f.get(t, css)
	if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Cache-Control"), "immutable") ||
		!strings.HasPrefix(resp.Header.Get("Content-Type"), "text/css") {
		t.Fatalf("asset: %d %v", resp.StatusCode, resp.Header)
	}
	if resp, _ := f.get(t, "/static/app.0000000000.css"); resp.StatusCode != http.StatusNotFound {
		t.Fatalf("stale asset URL: %d", resp.StatusCode)
	}
}

func TestSecurityHeadersRequestIDAndMetrics(t *testing.T) {
	f := newFixture(t)
	resp, _ := f.get(t, "/healthz")
	for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "X-Request-Id", "Referrer-Policy"} {
		if resp.Header.Get(h) == "" {
			t.Errorf("header %s missing", h)
		}
	}
	if !strings.Contains(resp.Header.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
		t.Error("CSP lacks frame-ancestors")
	}
	if resp.Header.Get("Strict-Transport-Security") != "" {
		t.Error("HSTS sent without TLS")
	}
	_, body := f.get(t, "/metrics")
	wantContains(t, body, `passerelle_http_requests_total{method="GET",route="/healthz",status="200"} 1`, "go_goroutines")
}
