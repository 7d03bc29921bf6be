package main

import (
	"bytes"
	"strings"
	"testing"

	"passerelle/app/demo"
	"passerelle/app/web/browsertest"
)

// The demo youth (17, Nanterre, computing and early childhood) finds on
// her space the offers recommended for her, each with its reasons.
func TestJourneyYouthRecommendations(t *testing.T) {
	var report bytes.Buffer
	m := startDemoPlatformTo(t, &report)
	passwords := demoPasswords(t, report.String())
	b := browsertest.New(t)
	signIn(t, m, b, "jeune@"+demo.EmailDomain, passwords["jeune@"+demo.EmailDomain])
	b.Visit(m.URL() + "/jeunes")
	b.CheckPage()
	if got, want := b.Count(".recommendation"), m.Config.Matching.Recommendations; got != want {
		t.Fatalf("%d recommendations, want %d", got, want)
	}
	reasons := b.Text(".recommendation .reasons")
	if !strings.Contains(reasons, "de chez toi") && !strings.Contains(reasons, "tu cherches") {
		t.Errorf("no reason given: %q", reasons)
	}
}
