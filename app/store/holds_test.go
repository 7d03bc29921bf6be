package store_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"

	"passerelle/app/domain"
)

// Of concurrent moves of one booking from confirmed, exactly one applies,
// with what it records; a move from a status the booking left applies none.
func TestConcurrentBookingMovesApplyOnce(t *testing.T) {
	ctx := context.Background()
	b := domain.Booking{ID: newID("move-booking"), CounsellorID: newID("move-counsellor"), SessionID: newID("move-session"),
		Status: domain.BookingConfirmed}
	if err := testDB.InsertBooking(ctx, &b); err != nil {
		t.Fatal(err)
	}
	var applied atomic.Int32
	var wg sync.WaitGroup
	for _, side := range []string{"counsellor", "employer", "counsellor", "employer", "counsellor", "employer", "counsellor", "employer"} {
		wg.Go(func() {
			moved, err := testDB.MoveBooking(ctx, b.ID, []domain.BookingStatus{domain.BookingConfirmed}, domain.BookingCancelled,
				domain.BookingChange{CancelledBy: side})
			if err != nil {
				t.Error(err)
			}
			if moved {
				applied.Add(1)
			}
		})
	}
	wg.Wait()
	now, err := testDB.BookingByID(ctx, b.ID)
	if err != nil || applied.Load() != 1 || now.Status != domain.BookingCancelled || now.CancelledBy == "" {
		t.Fatalf("%d moves applied, booking now %+v, %v", applied.Load(), now, err)
	}
	moved, err := testDB.MoveBooking(ctx, b.ID, []domain.BookingStatus{domain.BookingConfirmed}, domain.BookingAttended, domain.BookingChange{})
	if err != nil || moved {
		t.Errorf("a move from confirmed after the cancellation: %v, %v", moved, err)
	}
	if moved, err := testDB.MoveBooking(ctx, newID("move-missing"), []domain.BookingStatus{domain.BookingConfirmed}, domain.BookingCancelled, domain.BookingChange{}); err != nil || moved {
		t.Errorf("a missing booking moved: %v, %v", moved, err)
	}
}

// An event's places and stands are two counters of one document: taking
// from one, then the other, then the first again, each counts from its own,
// whatever this process keeps of the last hold update.
func TestEventPlacesAndStandsCountApart(t *testing.T) {
	ctx := context.Background()
	e := domain.Event{ID: newID("hold-event"), Capacity: 10, SeatsLeft: 10, Stands: 2, StandsLeft: 2, Holders: []string{}}
	if err := testDB.InsertEvent(ctx, &e); err != nil {
		t.Fatal(err)
	}
	take := func(pool domain.Pool, id string, n int) bool {
		took, err := testDB.TakeEventPlaces(ctx, e.ID, pool, domain.SeatHold{BookingID: id, Seats: n})
		if err != nil {
			t.Fatal(err)
		}
		return took
	}
	if !take(domain.PoolSeats, "group", 8) || !take(domain.PoolStands, "stand", 2) || !take(domain.PoolSeats, "pair", 2) {
		t.Fatal("a hold that fits was refused")
	}
	if take(domain.PoolStands, "stand-2", 1) || take(domain.PoolSeats, "one", 1) {
		t.Error("a hold over a full counter was taken")
	}
	if err := testDB.ReleaseEventPlaces(ctx, e.ID, domain.PoolStands, domain.SeatHold{BookingID: "stand", Seats: 2}); err != nil {
		t.Fatal(err)
	}
	if !take(domain.PoolStands, "stand-2", 2) || take(domain.PoolSeats, "one", 1) {
		t.Error("the stands given back are not the places")
	}
	now, err := testDB.EventByID(ctx, e.ID)
	if err != nil || now.SeatsLeft != 0 || now.StandsLeft != 0 || len(now.Holders) != 3 {
		t.Errorf("the event after the holds: %+v, %v", now, err)
	}
}
