package web_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// testCSRFKey is the key newFixtureWith gives the server.
var testCSRFKey = []byte(strings.Repeat("k", 32))

// visitor is a browser without JavaScript: it keeps cookies and sends back
// the anti-forgery token of the last page it read.
type visitor struct {
	f       *fixture
	cookies map[string]string
	csrf    string
}

func (f *fixture) visitor() *visitor { return &visitor{f: f, cookies: map[string]string{}} }

var csrfInput = regexp.MustCompile(`name="_csrf" value="([0-9a-f]+)"`)

func (v *visitor) do(t *testing.T, req *http.Request) (*http.Response, string) {
	t.Helper()
	for name, value := range v.cookies {
		req.AddCookie(&http.Cookie{Name: name, Value: value})
	}
	resp, err := v.f.server.App().Test(req, testTimeout)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range resp.Cookies() {
		if c.MaxAge < 0 || c.Value == "" {
			delete(v.cookies, c.Name)
		} else {
			v.cookies[c.Name] = c.Value
		}
	}
	body, _ := io.ReadAll(resp.Body)
	if m := csrfInput.FindStringSubmatch(string(body)); m != nil {
		v.csrf = m[1]
	}
	return resp, string(body)
}

func (v *visitor) get(t *testing.T, path string) (*http.Response, string) {
	t.Helper()
	return v.do(t, httptest.NewRequest(http.MethodGet, path, nil))
}

// post sends a form with the visitor's current anti-forgery token.
func (v *visitor) post(t *testing.T, path string, form url.Values) (*http.Response, string) {
	t.Helper()
	if _, ok := form["_csrf"]; !ok {
		form.Set("_csrf", v.csrf)
	}
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return v.do(t, req)
}

// csrfFor computes the token of a binding (session or anonymous cookie) as
// the server does, for requests that do not read a page first.
func csrfFor(binding string) string {
	mac := hmac.New(sha256.New, testCSRFKey)
	mac.Write([]byte(binding))
	return hex.EncodeToString(mac.Sum(nil))
}

func wantStatus(t *testing.T, resp *http.Response, want int) {
	t.Helper()
	if resp.StatusCode != want {
		t.Fatalf("%s %s = %d, want %d", resp.Request.Method, resp.Request.URL, resp.StatusCode, want)
	}
}
