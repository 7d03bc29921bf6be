package web_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sync"
	"testing"

	"passerelle/app/domain"
	"passerelle/app/store/storetest"
	"passerelle/app/web"
)

// bookingResult is one answer to a booking request.
type bookingResult struct {
	status int
	detail string
	seats  int
}

// fireBookings sends requests booking requests for random group sizes at the
// sessions from workers goroutines, over real connections.
func fireBookings(t testing.TB, u *apiUser, sessions []string, requests, workers int) []bookingResult {
	results := make([]bookingResult, requests)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				rng := rand.New(rand.NewPCG(uint64(i), 92))
				seats := 1 + rng.IntN(12)
				status, body := u.call(t, "POST", "/api/v1/bookings", map[string]any{"session_id": sessions[rng.IntN(len(sessions))],
					"structure_id": "api-school", "group_name": fmt.Sprintf("Groupe %d", i), "group_level": "3e", "seats": seats, "adults": 1})
				detail, _ := body["detail"].(string)
				results[i] = bookingResult{status: status, detail: detail, seats: seats}
			}
		})
	}
	for i := range requests {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return results
}

func (p *programme) sessions(t testing.TB, f *fixture, n, capacity int) []string {
	ids := make([]string, n)
	for i := range ids {
		status, s := p.employer.call(t, "POST", "/api/v1/offers/"+p.offerID+"/sessions", f.sessionBody(capacity))
		if status != http.StatusCreated {
			t.Fatalf("add session: %d %v", status, s)
		}
		ids[i] = s["id"].(string)
	}
	return ids
}

// A thousand booking requests at 20 sessions through HTTP: no session over
// capacity, every accepted booking counted, every refusal a clear answer.
func TestThousandBookingRequestsThroughHTTP(t *testing.T) {
	f := newEmptyFixture(t, storetest.Open(t), func(*web.Deps) {})
	p := f.programme(t)
	base := f.listen(t)
	p.employer.base, p.counsellor.base = base, base
	sessions := p.sessions(t, f, 20, 40)
	results := fireBookings(t, p.counsellor, sessions, 1000, 32)
	accepted, acceptedSeats := 0, 0
	for _, r := range results {
		switch {
		case r.status == http.StatusCreated:
			accepted++
			acceptedSeats += r.seats
		case r.status != http.StatusConflict || r.detail != "Il ne reste plus assez de places sur ce créneau.":
			t.Errorf("refusal %d %q", r.status, r.detail)
		}
	}
	used, ours := 0, map[string]bool{}
	for _, id := range sessions {
		ours[id] = true
		s, err := f.db.SessionByID(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if s.SeatsLeft < 0 || len(s.Holders) > s.Capacity {
			t.Errorf("session %s over capacity: %d left", id, s.SeatsLeft)
		}
		used += s.Capacity - s.SeatsLeft
	}
	bookings, err := f.db.Bookings(context.Background(), domain.BookingFilter{NewestFirst: true})
	if err != nil {
		t.Fatal(err)
	}
	held := 0
	for _, b := range bookings {
		if ours[b.SessionID] && b.Status == domain.BookingConfirmed {
			held += b.Seats
		}
	}
	t.Logf("%d accepted (%d seats), %d refused as full; %d of %d seats used", accepted, acceptedSeats, 1000-accepted, used, 20*40)
	if acceptedSeats != used || held != used {
		t.Errorf("accepted %d seats, bookings hold %d, sessions count %d used", acceptedSeats, held, used)
	}
}
