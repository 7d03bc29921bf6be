package searchtest

import (
	"context"
	"syscall"
	"testing"
	"time"

	"passerelle/search"
	"passerelle/search/sample"
)

// BenchQuery is one kind of query a search page sends.
type BenchQuery struct {
	Name  string
	Query search.Query
}

// BenchQueries are the kinds of queries benchmarked on every engine.
func BenchQueries() []BenchQuery {
	near := sample.Nanterre
	filtered := search.Query{Text: "boulangerie", Types: []string{"apprenticeship", "job"}, Age: 17}
	radius := filtered
	radius.Near, radius.RadiusKm = &near, 10
	full := radius
	full.Facets, full.Sort = search.Facets, search.SortDistance
	return []BenchQuery{
		{"text", search.Query{Text: "developpeur"}},
		{"text_typo", search.Query{Text: "boulangre"}},
		{"text_filters", filtered},
		{"text_filters_radius", radius},
		{"text_filters_radius_facets_sort", full},
		{"near_me_facets", search.Query{Near: &near, RadiusKm: 5, Sort: search.SortDistance, Facets: search.Facets}},
	}
}

// BenchmarkEngine loads n generated offers and times each kind of query.
func BenchmarkEngine(b *testing.B, e search.Engine, n int) {
	if err := e.Index(context.Background(), sample.Generate(n)...); err != nil {
		b.Fatal(err)
	}
	for _, bq := range BenchQueries() {
		b.Run(bq.Name, func(b *testing.B) { BenchmarkQuery(b, e, bq.Query) })
	}
}

// BenchmarkQuery times one query end to end. Besides wall time, which
// suffers when the machine is busy, it reports the CPU time this process
// spent per query (for a server engine, the client's share only).
func BenchmarkQuery(b *testing.B, e search.Engine, q search.Query) {
	cpuBefore := cpuTime(b)
	for b.Loop() {
		res, err := e.Search(context.Background(), q)
		if err != nil {
			b.Fatal(err)
		}
		if res.Total == 0 {
			b.Fatalf("%+v found nothing: the benchmark would time an empty answer", q)
		}
	}
	b.ReportMetric(float64(cpuTime(b)-cpuBefore)/float64(b.N), "cpu-ns/op")
}

func cpuTime(b *testing.B) time.Duration {
	var usage syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &usage); err != nil {
		b.Fatal(err)
	}
	return time.Duration(usage.Utime.Nano() + usage.Stime.Nano())
}
