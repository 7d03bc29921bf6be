package embedded_test

import (
	"path/filepath"
	"testing"

	"passerelle/search/embedded"
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
