package web_test

import (
	"net/http"
	"testing"

	"passerelle/app/store/storetest"
	"passerelle/app/web"
)

// BenchmarkBookingThroughHTTP measures group bookings per second through the
// JSON API over a real connection, one request after another, on the
// embedded database holding the demo data set and on an empty one: every
// FerretDB query scans its collection, so the sizes matter.
func BenchmarkBookingThroughHTTP(b *testing.B) {
	b.Run("demo_data", func(b *testing.B) { benchmarkBooking(b, newFixture(b)) })
	b.Run("empty_database", func(b *testing.B) {
		benchmarkBooking(b, newEmptyFixture(b, storetest.Open(b), func(*web.Deps) {}))
	})
}

func benchmarkBooking(b *testing.B, f *fixture) {
	p := f.programme(b)
	base := f.listen(b)
	p.employer.base, p.counsellor.base = base, base
	sessions := p.sessions(b, f, 20, 200)
	i := 0
	for b.Loop() {
		status, body := p.counsellor.call(b, "POST", "/api/v1/bookings", map[string]any{"session_id": sessions[i%len(sessions)],
			"structure_id": "api-school", "group_name": "Groupe", "group_level": "3e", "seats": 1, "adults": 1, "waitlist": true})
		if status != http.StatusCreated {
			b.Fatalf("booking: %d %v", status, body)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "bookings/s")
}
