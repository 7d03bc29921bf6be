package web

import (
	"net/url"
	"strings"
	"testing"
)

// FuzzLocalTarget: whatever a request carries, a redirect goes to this site.
func FuzzLocalTarget(f *testing.F) {
	for _, seed := range []string{"/compte", "/offres?q=x#r", "//evil.example", `/\evil.example`, `\\evil.example`,
		"http://evil.example", "https:evil.example", "/\t/evil.example", "%2F%2Fevil.example", "/%2F%2Fevil.example",
		"javascript:alert(1)", "/\r\n/evil.example", "/ /evil", "", "/"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, target string) {
		got := localTarget(target, "/compte")
		u, err := url.Parse(got)
		if err != nil || u.Host != "" || u.Scheme != "" || !strings.HasPrefix(got, "/") ||
			strings.HasPrefix(got, "//") || strings.HasPrefix(got, `/\`) || strings.ContainsAny(got, "\t\r\n") {
			t.Fatalf("localTarget(%q) = %q", target, got)
		}
		if got != target && got != "/compte" {
			t.Fatalf("localTarget(%q) changed it to %q", target, got)
		}
	})
}
