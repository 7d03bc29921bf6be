package digest_test

import (
	"math/rand/v2"
	"passerelle/app/domain"
	"testing"
	"time"

	"passerelle/app/mail/mailtest"
	"passerelle/app/notify/digest"
	"passerelle/app/store/storetest"
	"passerelle/matching"
)

// BenchmarkYouthDigestSMTP queues 5 000 youth digests on the embedded
// database and delivers them through notify.Deliver to the in-process SMTP
// server, one SMTP transaction each, with no send-rate limit.
// Run with: go test -run '^$' -bench YouthDigestSMTP -benchtime 1x ./app/notify/digest/
func BenchmarkYouthDigestSMTP(b *testing.B) {
	const n = 5000
	server := mailtest.Start(b)
	now := time.Date(2026, 11, 30, 8, 0, 0, 0, domain.Paris)
	rng := rand.New(rand.NewPCG(1, 2))
	ns, err := digest.YouthDigests(benchOffers(2000, now, rng), benchAudience(n, now, rng), matching.DefaultWeights(), now)
	if err != nil || len(ns) != n {
		b.Fatalf("%d digests, %v", len(ns), err)
	}
	var sending time.Duration
	for b.Loop() {
		svc := newService(b, storetest.Open(b), server, func() time.Time { return now }, 1e9)
		if _, err := svc.NotifyAll(b.Context(), ns); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if d, err := svc.Deliver(b.Context(), 0); err != nil || d.Sent != n {
			b.Fatalf("delivery %+v %v", d, err)
		}
		sending += time.Since(start)
	}
	b.ReportMetric(float64(n*b.N)/sending.Seconds(), "sent/s")
}
