package web_test

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// The OpenAPI description lists every route of the programme's API.
func TestOpenAPIDescribesEveryPasserelleRoute(t *testing.T) {
	f := newFixture(t)
	resp, body := f.visitor().get(t, "/api/v1/openapi.json")
	wantStatus(t, resp, http.StatusOK)
	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil || doc.OpenAPI != "3.0.3" {
		t.Fatalf("not an OpenAPI 3 document: %v", err)
	}
	param := regexp.MustCompile(`:(\w+)`)
	for _, r := range f.server.App().GetRoutes(true) {
		if !strings.HasPrefix(r.Path, "/api/v1/") || r.Method == http.MethodHead || strings.Contains(r.Path, "search") ||
			r.Path == "/api/v1/openapi.json" {
			continue
		}
		path := param.ReplaceAllString(r.Path, "{$1}")
		if _, ok := doc.Paths[path][strings.ToLower(r.Method)]; !ok {
			t.Errorf("%s %s is not described", r.Method, path)
		}
	}
}

// A kind of suggestion the API does not document is refused, not ignored.
func TestSuggestRefusesAnUndocumentedKind(t *testing.T) {
	f := newFixture(t)
	resp, body := f.get(t, "/api/v1/suggest?kind=commune&q=nanterre")
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, "Ce type de suggestion n'existe pas.")
	_, body = f.get(t, "/api/v1/suggest?kind=rome&q=boulan")
	wantContains(t, body, `"D1102 — Boulanger / Boulangère"`)
}
