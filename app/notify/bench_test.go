package notify_test

import (
	"testing"
)

// Run with: go test -run XXX -bench . -benchtime 1x ./app/notify/
// Renders and queues 1 000 staff summaries on the embedded database, then
// delivers them to the in-process SMTP server, and reports both rates.
func BenchmarkQueueAndDeliver(b *testing.B) {
	const n = 1000
	var queueing, delivering float64
	for b.Loop() {
		b.StopTimer()
		f := newFixture(b)
		svc := f.service(b)
		b.StartTimer()
		start := b.Elapsed()
		f.queue(b, svc, summaries(n))
		queued := b.Elapsed()
		if d := deliver(b, svc); d.Sent != n {
			b.Fatalf("delivery %+v", d)
		}
		queueing += (queued - start).Seconds()
		delivering += (b.Elapsed() - queued).Seconds()
	}
	b.ReportMetric(float64(n*b.N)/queueing, "queued/s")
	b.ReportMetric(float64(n*b.N)/delivering, "sent/s")
}
