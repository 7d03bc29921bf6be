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
