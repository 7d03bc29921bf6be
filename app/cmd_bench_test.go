package main

import (
	"strings"
	"testing"

	"passerelle/search/bench"
	"passerelle/search/searchtest"
)

func TestBenchSearchMeasuresBothEngines(t *testing.T) {
	server := searchtest.RunMeilisearch(t) // the command is given a running server
	code, out, errOut, _ := runCLI(t, validConfig, "bench", "search", "--docs", "300", "--queries", "40",
		"--meilisearch-url", server.URL, "--meilisearch-key", server.Key)
	if code != 0 {
		t.Fatalf("status %d: %s", code, errOut)
	}
	for _, engine := range []string{"embedded", "meilisearch"} {
		for _, kind := range bench.Kinds {
			if !strings.Contains(out, engine) || !strings.Contains(out, kind) {
				t.Errorf("report lacks %s / %s:\n%s", engine, kind, out)
			}
		}
	}
}

func TestBenchNeedsAKnownTarget(t *testing.T) {
	if code, _, errOut, _ := runCLI(t, validConfig, "bench", "nothing"); code != 2 || !strings.Contains(errOut, "bench search") {
		t.Errorf("bench nothing: status %d, %q", code, errOut)
	}
}
