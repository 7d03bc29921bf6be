package meili

import (
	"slices"
	"testing"
)

func TestSynonymsFitMeilisearch(t *testing.T) {
	s := synonyms()
	if !slices.Contains(s["ess"], "économie solidaire") || slices.Contains(s["ess"], "économie sociale et solidaire") {
		t.Errorf("ess expands to %q, want only what Meilisearch can match", s["ess"])
	}
	if _, ok := s["économie sociale et solidaire"]; ok {
		t.Error("a phrase with a stop word is given as a key Meilisearch never matches")
	}
	if !slices.Contains(s["petite enfance"], "crèche") || !slices.Contains(s["crèche"], "petite enfance") {
		t.Errorf("crèche ⇄ petite enfance missing: %q, %q", s["crèche"], s["petite enfance"])
	}
}

func TestRewriteShortensLongPhrases(t *testing.T) {
	for text, want := range map[string]string{
		"Économie sociale et solidaire à Nanterre": "ess a nanterre",
		"aide-soignant":              "aide-soignant",
		"auxiliaire de puériculture": "puéricultrice",
		"stage de 3e":                "3e",
	} {
		if got := rewrite(text); got != want {
			t.Errorf("rewrite(%q) = %q, want %q", text, got, want)
		}
	}
}
