package passerelle_test

import (
	"context"
	"testing"

	"passerelle/app/domain"
)

// BenchmarkBook measures bookings through the service on the embedded
// database, one counsellor after another, over 20 sessions.
func BenchmarkBook(b *testing.B) {
	ctx := context.Background()
	e := newEnv(b)
	o := e.publishedOffer(b, domain.OfferVisit, nil)
	var sessions []*domain.VisitSession
	for range 20 {
		sessions = append(sessions, e.session(b, o.ID, 200, 0))
	}
	i := 0
	for b.Loop() {
		in := booking(sessions[i%len(sessions)].ID, "school-rep", 1)
		in.Waitlist = true
		if _, err := e.svc.Book(ctx, counsellor, in); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "bookings/s")
}
