package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"passerelle/app/domain"
)

const capacity = 20

func TestTakeSeatsNeverOverbooks(t *testing.T) {
	claims := make([]int, 50)
	for i := range claims {
		claims[i] = 1
	}
	id := newID("atomic-one")
	granted := reserveConcurrently(t, id, claims)
	if len(granted) != capacity {
		t.Errorf("%d reservations of one seat succeeded, want %d", len(granted), capacity)
	}
	if left := seatsLeft(t, id); left != 0 {
		t.Errorf("seats_left = %d, want 0", left)
	}
}

func TestTakeSeatsRandomGroupsNeverOverbook(t *testing.T) {
	rng := rand.New(rand.NewPCG(92, uint64(time.Now().UnixNano())))
	claims := make([]int, 50)
	for i := range claims {
		claims[i] = 1 + rng.IntN(6)
	}
	id := newID("atomic-random")
	granted := reserveConcurrently(t, id, claims)
	taken := 0
	for _, n := range granted {
		taken += n
	}
	left := seatsLeft(t, id)
	if left < 0 || taken+left != capacity {
		t.Fatalf("granted %d seats, %d left, capacity %d", taken, left, capacity)
	}
	// Seats only go down, so every refused group was bigger than what is left now.
	for i, n := range claims {
		if _, ok := granted[i]; !ok && n <= left {
			t.Errorf("group of %d refused while %d seats are still left", n, left)
		}
	}
}

// reserveConcurrently creates a session of capacity seats, starts one goroutine
// per claim, and returns the claims granted by index.
func reserveConcurrently(t *testing.T, sessionID string, claims []int) map[int]int {
	t.Helper()
	ctx := context.Background()
	insertSession(t, sessionID, capacity)
	var mu sync.Mutex
	var wg sync.WaitGroup
	granted := map[int]int{}
	for i, n := range claims {
		wg.Go(func() {
			took, err := testDB.TakeSeats(ctx, sessionID, domain.SeatHold{BookingID: fmt.Sprintf("claim-%d", i), Seats: n})
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err != nil:
				t.Errorf("claim of %d: %v", n, err)
			case took:
				granted[i] = n
			}
		})
	}
	wg.Wait()
	return granted
}

func insertSession(t testing.TB, id string, seats int) {
	t.Helper()
	s := domain.VisitSession{ID: id, OfferID: "offer-" + id, Capacity: seats,
		StartsAt: time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC), MinGroup: 1, MaxGroup: seats}
	s.OpenAllSeats()
	if err := testDB.InsertSessions(context.Background(), []domain.VisitSession{s}); err != nil {
		t.Fatal(err)
	}
}

func seatsLeft(t *testing.T, id string) int {
	t.Helper()
	s, err := testDB.SessionByID(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return s.SeatsLeft
}
