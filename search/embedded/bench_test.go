package embedded_test

import (
	"path/filepath"
	"testing"

	"passerelle/search/searchtest"
)

func BenchmarkSearch(b *testing.B) {
	searchtest.BenchmarkEngine(b, open(b, filepath.Join(b.TempDir(), "index")), 5000)
}
