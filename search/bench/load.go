package bench

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
)

// LoadReport is what a load run measured.
type LoadReport struct {
	Requests  int
	Errors    int // transport errors and non-2xx answers
	Elapsed   time.Duration
	Latencies []time.Duration
}

// Load has clients send requests for urls in turn, each as soon as the last
// answered, until d has passed.
func Load(ctx context.Context, urls []string, clients int, d time.Duration) *LoadReport {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	transport := &http.Transport{MaxIdleConnsPerHost: clients}
	client := &http.Client{Transport: transport, Timeout: 30 * time.Second}
	var mu sync.Mutex
	report := &LoadReport{}
	var wg sync.WaitGroup
	start := time.Now()
	for c := range clients {
		wg.Go(func() {
			for i := c; ctx.Err() == nil; i += clients {
				took, ok := fetch(client, urls[i%len(urls)])
				mu.Lock()
				report.Requests++
				report.Latencies = append(report.Latencies, took)
				if !ok {
					report.Errors++
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	report.Elapsed = time.Since(start)
	return report
}

func fetch(client *http.Client, url string) (time.Duration, bool) {
	start := time.Now()
	resp, err := client.Get(url)
	if err != nil {
		return time.Since(start), false
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return time.Since(start), resp.StatusCode < 300
}

// Print writes the throughput and latency percentiles.
func (r *LoadReport) Print(w io.Writer, clients int) {
	fmt.Fprintf(w, "%d clients, %d requests in %s (%d errors): %.0f requests/s, p50 %s, p95 %s, p99 %s\n",
		clients, r.Requests, r.Elapsed.Round(time.Millisecond), r.Errors,
		float64(r.Requests)/r.Elapsed.Seconds(), ms(Percentile(r.Latencies, 50)), ms(Percentile(r.Latencies, 95)),
		ms(Percentile(r.Latencies, 99)))
}
