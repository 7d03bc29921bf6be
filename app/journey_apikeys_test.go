package main

import (
	"net/http"
	"strings"
	"testing"

	"passerelle/app/web/browsertest"
)

// staffManagesAPIKeys: from their space, staff try an empty form (refused
// beside the field), create a partner's key, which works at once, and revoke
// it, after which it is refused; the pages pass axe and the 360 px check in
// French and English.
func staffManagesAPIKeys(t *testing.T, m *Main, b *browsertest.Browser) {
	t.Helper()
	b.Visit(m.URL() + "/agents")
	b.Click("a[href='/agents/cles-api']")
	b.CheckPage()
	b.ExpectStatus(http.StatusUnprocessableEntity)
	b.Submit("form[action='/agents/cles-api'] button[type=submit]")
	if got := b.Text("#partner-error"); got != m.Catalog.T("fr", "error.apikey.partner") {
		t.Fatalf("empty key form: %q", got)
	}
	b.CheckPage()
	b.Fill("#partner", "Emplois 92")
	b.ClickInPage("input[name=kind][value=job_board]")
	b.Fill("#email", "tech@emplois92.test")
	b.ClickInPage("input[name=scopes][value='open_data:read']")
	b.Submit("form[action='/agents/cles-api'] button[type=submit]")
	b.CheckPage()
	key := b.Attr("#cle", "value")
	if !strings.HasPrefix(key, "p92.apikey-") {
		t.Fatalf("the new key is not shown: %q", b.Text("main"))
	}
	if status := callWithKey(t, m, key); status != http.StatusOK {
		t.Fatalf("the new key: %d", status)
	}
	b.Click("a[href='/agents/cles-api']")
	b.Visit(m.URL() + "/agents/cles-api?lang=en")
	b.CheckPage()
	b.Visit(m.URL() + "/agents/cles-api?lang=fr")
	b.Submit("form[action$='/revocation'] button")
	if got := b.Text("p[role=status]"); got != m.Catalog.T("fr", "flash.api_key_revoked") {
		t.Errorf("after revoking: %q", got)
	}
	b.CheckPage()
	if status := callWithKey(t, m, key); status != http.StatusUnauthorized {
		t.Errorf("the revoked key: %d", status)
	}
}

// callWithKey asks the suggestions of the open-data API with a partner's key.
func callWithKey(t *testing.T, m *Main, key string) int {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, m.URL()+"/api/v1/suggest?kind=rome&q=boulan", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}
