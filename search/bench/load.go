package bench

import (
	"bytes"
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
	Errors    int // transport errors and answers of 400 or more
	Elapsed   time.Duration
	Latencies []time.Duration
}

// Request is one request of a load run: a GET without Body, else a form POST.
type Request struct {
	URL    string
	Body   string
	Cookie string // the Cookie header, "" for a visitor
}

// NewClient returns the client of a load run: kept-alive connections, one
// per client, and redirects left unfollowed, so that a form's POST counts
// alone and a 303 is a success.
func NewClient(clients int) *http.Client {
	return &http.Client{
		Transport:     &http.Transport{MaxIdleConnsPerHost: clients},
		Timeout:       30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// Load has clients send reqs in turn, each as soon as the last answered,
// until d has passed; each client sends one request at least, so that a
// short run still measures something.
func Load(ctx context.Context, client *http.Client, reqs []Request, clients int, d time.Duration) *LoadReport {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var mu sync.Mutex
	report := &LoadReport{}
	var wg sync.WaitGroup
	start := time.Now()
	for c := range clients {
		wg.Go(func() {
			for i := c; ; i += clients {
				took, ok := fetch(client, reqs[i%len(reqs)])
				mu.Lock()
				report.Requests++
				report.Latencies = append(report.Latencies, took)
				if !ok {
					report.Errors++
				}
				mu.Unlock()
				if ctx.Err() != nil {
					return
				}
			}
		})
	}
	wg.Wait()
	report.Elapsed = time.Since(start)
	return report
}

func fetch(client *http.Client, r Request) (time.Duration, bool) {
	start := time.Now()
	method, body := http.MethodGet, io.Reader(nil)
	if r.Body != "" {
		method, body = http.MethodPost, bytes.NewBufferString(r.Body)
	}
	req, err := http.NewRequest(method, r.URL, body)
	if err != nil {
		return 0, false
	}
	if r.Body != "" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if r.Cookie != "" {
		req.Header.Set("Cookie", r.Cookie)
	}
	resp, err := client.Do(req)
	if err != nil {
		return time.Since(start), false
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return time.Since(start), resp.StatusCode < 400
}

// Rate is the requests per second of the run.
func (r *LoadReport) Rate() float64 { return float64(r.Requests) / r.Elapsed.Seconds() }

// Print writes the throughput and latency percentiles.
func (r *LoadReport) Print(w io.Writer, clients int) {
	fmt.Fprintf(w, "%d clients, %d requests in %s (%d errors): %.0f requests/s, p50 %s, p95 %s, p99 %s\n",
		clients, r.Requests, r.Elapsed.Round(time.Millisecond), r.Errors,
		r.Rate(), ms(Percentile(r.Latencies, 50)), ms(Percentile(r.Latencies, 95)),
		ms(Percentile(r.Latencies, 99)))
}
