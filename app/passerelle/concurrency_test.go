package passerelle_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"passerelle/app/domain"
	"passerelle/app/passerelle"
)

// bookingStorm fires requests for random group sizes at the sessions from
// many goroutines, and returns the messages of the refusals.
func bookingStorm(t *testing.T, e *env, sessions []*domain.VisitSession, requests int) map[string]int {
	t.Helper()
	var mu sync.Mutex
	refusals := map[string]int{}
	var wg sync.WaitGroup
	for i := range requests {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(i), 7))
			actor, structure := counsellor, "school-rep"
			if i%2 == 1 {
				actor, structure = counsellor2, "school-std"
			}
			in := booking(sessions[rng.IntN(len(sessions))].ID, structure, 1+rng.IntN(10))
			in.Waitlist = i%3 == 0
			if _, err := e.svc.Book(context.Background(), actor, in); err != nil {
				mu.Lock()
				refusals[domain.ErrorMessage(err)]++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return refusals
}

// checkSeats fails unless, on every session, the seats held by confirmed
// bookings plus the seats left make the capacity, exactly the confirmed
// bookings are holders, and no counter is negative.
func checkSeats(t *testing.T, e *env, sessions []*domain.VisitSession) (confirmed int) {
	t.Helper()
	ctx := context.Background()
	for _, s := range sessions {
		now, err := e.db.SessionByID(ctx, s.ID)
		must(t, err)
		bookings, err := e.db.Bookings(ctx, domain.BookingFilter{SessionID: s.ID})
		must(t, err)
		held, holders := 0, map[string]bool{}
		for _, id := range now.Holders {
			holders[id] = true
		}
		for _, b := range bookings {
			if b.Holds() != holders[b.Hold().Key()] {
				t.Errorf("session %s: booking %s is %s, holder %v", s.ID, b.ID, b.Status, holders[b.Hold().Key()])
			}
			if b.Holds() {
				held += b.Seats
				confirmed++
			}
		}
		if now.SeatsLeft < 0 || now.OpenLeft < 0 || held+now.SeatsLeft != now.Capacity || len(now.Holders) != len(holders) {
			t.Errorf("session %s: capacity %d, held %d, left %d, open %d", s.ID, now.Capacity, held, now.SeatsLeft, now.OpenLeft)
		}
	}
	return confirmed
}

func TestThousandConcurrentBookingsNeverExceedCapacity(t *testing.T) {
	e := newEnv(t)
	o := e.publishedOffer(t, domain.OfferVisit, nil)
	var sessions []*domain.VisitSession
	for i := range 20 {
		sessions = append(sessions, e.session(t, o.ID, 30, 10*(i%2)))
	}
	refusals := bookingStorm(t, e, sessions, 1000)
	for msg := range refusals {
		if msg != "error.session.full" {
			t.Errorf("refusal %q: every refusal should say the session is full", msg)
		}
	}
	confirmed := checkSeats(t, e, sessions)
	waitlisted := len(e.mailTemplates("booking_confirmed"))
	t.Logf("%d confirmed, %d refused as full, %d confirmation emails", confirmed, refusals["error.session.full"], waitlisted)
	if confirmed != waitlisted {
		t.Errorf("%d bookings confirmed but %d confirmation emails", confirmed, waitlisted)
	}
}

func TestConcurrentCancellationsPromoteWithoutOverbooking(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	o := e.publishedOffer(t, domain.OfferVisit, nil)
	var sessions []*domain.VisitSession
	for range 4 {
		sessions = append(sessions, e.session(t, o.ID, 30, 0))
	}
	bookingStorm(t, e, sessions, 120)
	var cancellable []string
	for _, s := range sessions {
		bookings, _ := e.db.Bookings(ctx, domain.BookingFilter{SessionID: s.ID})
		for _, b := range bookings {
			if b.Status == domain.BookingConfirmed && len(cancellable) < 12 {
				cancellable = append(cancellable, b.ID)
			}
		}
	}
	var wg sync.WaitGroup
	for _, id := range cancellable {
		wg.Go(func() {
			if _, err := e.svc.CancelBooking(ctx, employer, id, "Atelier indisponible"); err != nil {
				t.Errorf("cancel %s: %v", id, err)
			}
		})
	}
	wg.Wait()
	checkSeats(t, e, sessions)
	for _, s := range sessions {
		now, _ := e.db.SessionByID(ctx, s.ID)
		bookings, _ := e.db.Bookings(ctx, domain.BookingFilter{SessionID: s.ID})
		for _, b := range bookings {
			if b.Status == domain.BookingWaitlisted && b.Seats <= now.SeatsLeft {
				t.Errorf("session %s: waiting booking of %d left behind with %d seats free", s.ID, b.Seats, now.SeatsLeft)
			}
		}
	}
}

func TestTwoHundredConcurrentAcceptsTakeOnePlace(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	o := e.publishedOffer(t, domain.OfferJob, nil)
	var ids []string
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := range 200 {
		youth := e.youth(t, fmt.Sprintf("y%03d", i), 18, "bac", false)
		wg.Go(func() {
			a, err := e.svc.Apply(ctx, youth, o.ID, passerelle.ApplyInput{Message: "Disponible tout l'été."})
			must(t, err)
			mu.Lock()
			ids = append(ids, a.ID)
			mu.Unlock()
		})
	}
	wg.Wait()
	results := make(chan error, len(ids))
	for _, id := range ids {
		wg.Go(func() {
			_, err := e.svc.MoveApplication(ctx, employer, id, domain.ApplicationAccepted)
			results <- err
		})
	}
	wg.Wait()
	close(results)
	accepted := 0
	for err := range results {
		switch {
		case err == nil:
			accepted++
		case domain.ErrorMessage(err) != "error.application.no_place_left":
			t.Errorf("refusal: %v", err)
		}
	}
	got, _ := e.db.OfferByID(ctx, o.ID)
	if accepted != 1 || got.PlacesLeft != 0 || len(got.AcceptedIDs) != 1 {
		t.Errorf("%d accepted, %d places left, holders %v", accepted, got.PlacesLeft, got.AcceptedIDs)
	}
}

func TestConcurrentDuplicateApplicationsSaveOne(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	o := e.publishedOffer(t, domain.OfferJob, nil)
	youth := e.youth(t, "twice", 18, "bac", false)
	var wg sync.WaitGroup
	var mu sync.Mutex
	saved := 0
	for range 20 {
		wg.Go(func() {
			_, err := e.svc.Apply(ctx, youth, o.ID, passerelle.ApplyInput{CV: samplePDF})
			mu.Lock()
			defer mu.Unlock()
			if err == nil {
				saved++
			} else if domain.ErrorMessage(err) != "error.application.duplicate" {
				t.Errorf("refusal: %v", err)
			}
		})
	}
	wg.Wait()
	if saved != 1 {
		t.Errorf("%d applications saved, want 1", saved)
	}
}
