package embedded_test

import (
	"context"
	"os"
	"testing"
	"time"

	"passerelle/search/bench"
	"passerelle/search/embedded"
	"passerelle/search/searchtest"
)

func TestZZProfile(t *testing.T) {
	dir := os.Getenv("PROF_DIR")
	if dir == "" {
		t.Skip()
	}
	_, statErr := os.Stat(dir)
	e, err := embedded.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	if statErr != nil {
		if err := e.Index(context.Background(), searchtest.Generate(100000)...); err != nil {
			t.Fatal(err)
		}
	}
	mix := bench.Mix(400)
	for round := 0; round < 2; round++ {
		lat := map[string][]time.Duration{}
		for _, q := range mix {
			start := time.Now()
			if _, err := e.Search(context.Background(), q.Query); err != nil {
				t.Fatal(err)
			}
			lat[q.Kind] = append(lat[q.Kind], time.Since(start))
		}
		for _, bq := range searchtest.BenchQueries() {
			start := time.Now()
			for range 20 {
				if _, err := e.Search(context.Background(), bq.Query); err != nil {
					t.Fatal(err)
				}
			}
			t.Logf("%-35s mean %v", bq.Name, time.Since(start)/20)
		}
		for _, k := range bench.Kinds {
			t.Logf("%-35s p50 %v p95 %v", k, bench.Percentile(lat[k], 50), bench.Percentile(lat[k], 95))
		}
	}
}
