package bench_test

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"passerelle/search/bench"
	"passerelle/search/embedded"
	"passerelle/search/sample"
)

func TestMixIsFixedAndBalanced(t *testing.T) {
	mix := bench.Mix(400)
	if !reflect.DeepEqual(mix, bench.Mix(400)) {
		t.Error("two mixes of the same size differ")
	}
	count := map[string]int{}
	for _, q := range mix {
		if _, err := q.Query.Normalize(); err != nil {
			t.Errorf("%+v: %v", q.Query, err)
		}
		count[q.Kind]++
	}
	for _, kind := range bench.Kinds {
		if count[kind] != 100 {
			t.Errorf("%d queries of kind %s, want 100", count[kind], kind)
		}
	}
}

func TestPercentile(t *testing.T) {
	ds := []time.Duration{5, 1, 4, 2, 3, 6, 7, 8, 9, 10}
	if p50, p99 := bench.Percentile(ds, 50), bench.Percentile(ds, 99); p50 != 6 || p99 != 10 {
		t.Errorf("p50 %v p99 %v, want 6 and 10", p50, p99)
	}
}

func TestMeasureTimesEveryQuery(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	engine, err := embedded.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer engine.Close()
	mix := bench.Mix(40)
	r, err := bench.Measure(context.Background(), bench.Subject{Name: "embedded", Engine: engine, Dir: dir},
		sample.Generate(500), mix)
	if err != nil {
		t.Fatal(err)
	}
	if r.SizeBytes <= 0 || r.IndexTime <= 0 || len(r.Latencies[bench.KindFull]) != 10 {
		t.Errorf("report %+v", r)
	}
}
