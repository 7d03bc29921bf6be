package embedded_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"passerelle/search"
	"passerelle/search/embedded"
	"passerelle/search/sample"
	"passerelle/search/searchtest"
)

func TestContract(t *testing.T) {
	searchtest.RunContract(t, func(t *testing.T) searchtest.Subject {
		engine := open(t, filepath.Join(t.TempDir(), "index"))
		return searchtest.Subject{Engine: engine, Outage: func(t testing.TB) func() {
			if err := engine.Close(); err != nil {
				t.Fatal(err)
			}
			return nil
		}}
	})
}

func open(t testing.TB, dir string) *embedded.Engine {
	t.Helper()
	engine, err := embedded.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = engine.Close() })
	return engine
}

func TestOpenKeepsTheIndex(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	engine := open(t, dir)
	if err := engine.Index(context.Background(), sample.Offers()...); err != nil {
		t.Fatal(err)
	}
	if err := engine.Close(); err != nil {
		t.Fatal(err)
	}
	res, err := open(t, dir).Search(context.Background(), search.Query{Text: "boulangre"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(res.Hits, func(h search.Hit) bool { return h.Offer.ID == "o01" }) {
		t.Errorf("after reopening, found %+v, want o01 among them", res.Hits)
	}
}
