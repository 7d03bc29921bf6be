package store_test

import (
	"context"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"passerelle/app/domain"
)

const capacity = 20

func TestReserveSeatsNeverOverbooks(t *testing.T) {
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

func TestReserveSeatsRandomGroupsNeverOverbook(t *testing.T) {
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
// per claim, and returns the claims granted by index. Every refusal must be
// the conflict "error.session.full".
func reserveConcurrently(t *testing.T, sessionID string, claims []int) map[int]int {
	t.Helper()
	ctx := context.Background()
	insertSession(t, sessionID, capacity)
	var mu sync.Mutex
	var wg sync.WaitGroup
	granted := map[int]int{}
	for i, n := range claims {
		wg.Go(func() {
			err := testDB.ReserveSeats(ctx, sessionID, n)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				granted[i] = n
			case domain.ErrorCode(err) != domain.ECONFLICT || domain.ErrorMessage(err) != "error.session.full":
				t.Errorf("claim of %d: %v, want conflict error.session.full", n, err)
			}
		})
	}
	wg.Wait()
	return granted
}

func TestReserveSeatsRefusals(t *testing.T) {
	ctx := context.Background()
	id := newID("refusals")
	insertSession(t, id, 3)
	assertCode(t, testDB.ReserveSeats(ctx, "no-such-session", 1), domain.ENOTFOUND)
	assertCode(t, testDB.ReserveSeats(ctx, id, 0), domain.EINVALID)
	assertCode(t, testDB.ReserveSeats(ctx, id, 4), domain.ECONFLICT)
	if err := testDB.ReserveSeats(ctx, id, 3); err != nil {
		t.Fatalf("reserving every seat: %v", err)
	}
	assertCode(t, testDB.ReserveSeats(ctx, id, 1), domain.ECONFLICT)
}

func insertSession(t testing.TB, id string, seats int) {
	t.Helper()
	s := domain.VisitSession{ID: id, OfferID: "offer-" + id, Capacity: seats, SeatsLeft: seats,
		StartsAt: time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC), MinGroup: 1, MaxGroup: seats}
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
