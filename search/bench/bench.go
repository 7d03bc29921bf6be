// Package bench measures the search engines on generated offers: index
// time, index size and latency per kind of query. The `bench search`
// command prints its report.
package bench

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"text/tabwriter"
	"time"

	"passerelle/search"
)

// Subject is one engine to measure; Dir is where it keeps its data, to
// measure its size ("" when unknown, as for a remote server).
type Subject struct {
	Name   string
	Engine search.Engine
	Dir    string
}

// Report is the measure of one engine.
type Report struct {
	Engine    string
	Docs      int
	IndexTime time.Duration
	SizeBytes int64 // -1 when unknown
	Latencies map[string][]time.Duration
}

// Measure indexes docs in the engine, warms it up, then times each query.
func Measure(ctx context.Context, s Subject, docs []search.Offer, mix []Query) (*Report, error) {
	r := &Report{Engine: s.Name, Docs: len(docs), SizeBytes: -1, Latencies: map[string][]time.Duration{}}
	start := time.Now()
	if err := s.Engine.Index(ctx, docs...); err != nil {
		return nil, fmt.Errorf("%s: index: %w", s.Name, err)
	}
	r.IndexTime = time.Since(start)
	if s.Dir != "" {
		r.SizeBytes = dirSize(s.Dir)
	}
	for _, q := range mix[:min(len(mix), 100)] { // warm-up: caches, connections
		if _, err := s.Engine.Search(ctx, q.Query); err != nil {
			return nil, fmt.Errorf("%s: %+v: %w", s.Name, q.Query, err)
		}
	}
	for _, q := range mix {
		start := time.Now()
		if _, err := s.Engine.Search(ctx, q.Query); err != nil {
			return nil, fmt.Errorf("%s: %+v: %w", s.Name, q.Query, err)
		}
		r.Latencies[q.Kind] = append(r.Latencies[q.Kind], time.Since(start))
	}
	return r, nil
}

func dirSize(dir string) int64 {
	var total int64
	_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, ierr := d.Info(); ierr == nil {
				total += info.Size()
			}
		}
		return nil
	})
	return total
}

// Percentile returns the p-th percentile (0–100) of the durations.
func Percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	sorted := slices.Clone(ds)
	slices.Sort(sorted)
	return sorted[min(len(sorted)-1, int(float64(len(sorted))*p/100))]
}

// Print writes the reports as a table.
func Print(w io.Writer, reports []*Report) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "engine\tdocs\tindex time\tindex size\tquery kind\tn\tp50\tp95\tp99")
	for _, r := range reports {
		size := "?"
		if r.SizeBytes >= 0 {
			size = fmt.Sprintf("%.1f MiB", float64(r.SizeBytes)/(1<<20))
		}
		for _, kind := range Kinds {
			ds := r.Latencies[kind]
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", r.Engine, r.Docs, r.IndexTime.Round(time.Millisecond),
				size, kind, len(ds), ms(Percentile(ds, 50)), ms(Percentile(ds, 95)), ms(Percentile(ds, 99)))
		}
	}
	tw.Flush()
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000) }
