package main

import (
	"strings"
	"testing"
)

// The demo youth (17, Nanterre, computing and early childhood) finds on
// her space the offers recommended for her, each with its reasons.
func TestJourneyYouthRecommendations(t *testing.T) {
	m, b, _ := demoSignedIn(t, "jeune")
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
