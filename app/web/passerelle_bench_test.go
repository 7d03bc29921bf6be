package web_test

import (
	"net/http"
	"testing"
)

// BenchmarkBookingThroughHTTP measures group bookings per second through the
// JSON API over a real connection, on the embedded database holding the demo
// data set, one request after another.
func BenchmarkBookingThroughHTTP(b *testing.B) {
	f := newFixture(b)
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
