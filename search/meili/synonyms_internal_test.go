package meili

import (
	"slices"
	"testing"
)

func TestLongestRunSkipsStopWords(t *testing.T) {
	for phrase, want := range map[string]string{
		"économie sociale et solidaire": "économie sociale",
		"auxiliaire de puériculture":    "puériculture",
		"petite enfance":                "petite enfance",
		"dev":                           "dev",
	} {
		if got := longestRun(phrase); got != want {
			t.Errorf("longestRun(%q) = %q, want %q", phrase, got, want)
		}
	}
}

func TestSynonymsFitMeilisearch(t *testing.T) {
	s := synonyms()
	if !slices.Contains(s["ess"], "économie sociale") {
		t.Errorf("ess expands to %q, want the run Meilisearch can match", s["ess"])
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
		"auxiliaire de puériculture": "aide puéricultrice",
	} {
		if got := rewrite(text); got != want {
			t.Errorf("rewrite(%q) = %q, want %q", text, got, want)
		}
	}
}
