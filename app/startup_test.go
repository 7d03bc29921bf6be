package main

import (
	"context"
	"io"
	"regexp"
	"strings"
	"testing"
)

func TestStartsOnEmbeddedDefaultsAndKeepsDataAcrossRestarts(t *testing.T) {
	cfg := testConfig(t)
	cfg.Server.DataDir = t.TempDir() // empty, as on a fresh machine: the first start migrates
	m := startMain(t, cfg, true)
	status, body := httpGet(t, m.URL()+"/")
	if status != 200 || !strings.Contains(body, "Dernières opportunités") {
		t.Fatalf("home: %d", status)
	}
	if status, ready := httpGet(t, m.URL()+"/readyz"); status != 200 {
		t.Fatalf("readyz: %d %s", status, ready)
	}
	if err := m.Close(context.Background()); err != nil {
		t.Fatal(err)
	}

	again := startMain(t, cfg, false)
	status, body2 := httpGet(t, again.URL()+"/")
	if status != 200 || !strings.Contains(body2, firstOfferTitle(t, body)) {
		t.Fatal("data lost across a restart")
	}
	empty, err := again.DB.Empty(context.Background())
	if err != nil || empty {
		t.Fatalf("database empty after restart: %v", err)
	}
}

// firstOfferTitle finds the first offer card's title on the home page.
func firstOfferTitle(t *testing.T, home string) string {
	t.Helper()
	_, after, ok := strings.Cut(home, `<h3><a href="/offres/`)
	if !ok {
		t.Fatal("no offer on the home page")
	}
	_, after, _ = strings.Cut(after, `">`)
	title, _, _ := strings.Cut(after, "</a>")
	return title
}

// lastStep is the progress bar's last line: all its steps done.
var lastStep = regexp.MustCompile(`\] (\d+)/(\d+) index de recherche`)

func TestSeedOnFirstStartOnlyOnce(t *testing.T) {
	cfg := testConfig(t)
	cfg.Demo.SeedOnFirstStart = true
	m := startMain(t, cfg, false)
	var out strings.Builder
	if err := m.seedOnFirstStart(context.Background(), &out); err != nil {
		t.Fatal(err)
	}
	if last := lastStep.FindStringSubmatch(out.String()); !strings.Contains(out.String(), "agent@") || last == nil || last[1] != last[2] {
		t.Fatalf("seed output lacks accounts or progress:\n%s", out.String())
	}
	out.Reset()
	if err := m.seedOnFirstStart(context.Background(), &out); err != nil || out.Len() != 0 {
		t.Fatalf("second start seeded again: %v %q", err, out.String())
	}
	if err := m.seedOnFirstStart(context.Background(), io.Discard); err != nil {
		t.Fatal(err)
	}
}
