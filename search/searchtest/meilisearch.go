package searchtest

import (
	"testing"

	"passerelle/search/meiliserver"
)

// Meilisearch is a real Meilisearch process owned by one test.
type Meilisearch struct{ *meiliserver.Meilisearch }

// RunMeilisearch starts a fresh Meilisearch for a test, stopped at its end.
func RunMeilisearch(t testing.TB) *Meilisearch {
	t.Helper()
	bin, err := meiliserver.Binary()
	if err != nil {
		t.Fatal(err)
	}
	m, err := meiliserver.Launch(bin, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(m.Stop)
	return &Meilisearch{m}
}

// Restart starts the process again on the same address and data, and waits
// until it answers /health.
func (m *Meilisearch) Restart(t testing.TB) {
	t.Helper()
	if err := m.Meilisearch.Restart(); err != nil {
		t.Fatal(err)
	}
}
