package passerelle_test

import (
	"context"
	"testing"
	"time"

	"passerelle/app/domain"
)

var firstPage = domain.PageRequest{Number: 1, Size: 20}

// Staff see every booking with its counts; a session that has started is no
// longer to come; others may not look.
func TestBookingOverviewCountsForStaffOnly(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	s := e.visit(t)
	if _, err := e.svc.Book(ctx, counsellor2, booking(s.ID, "school-std", 20)); err != nil {
		t.Fatal(err)
	}
	b, err := e.svc.Book(ctx, counsellor2, booking(s.ID, "school-std", 5))
	must(t, err)
	_, err = e.svc.CancelBooking(ctx, counsellor2, b.ID, "Sortie annulée")
	must(t, err)

	if _, err := e.svc.BookingOverview(ctx, counsellor2, "", firstPage); err == nil {
		t.Errorf("a counsellor saw every booking")
	}
	ov, err := e.svc.BookingOverview(ctx, staff, "", firstPage)
	must(t, err)
	if len(ov.Bookings) != 2 || ov.Seats != 20 || ov.Upcoming != 1 ||
		ov.ByStatus[domain.BookingConfirmed] != 1 || ov.ByStatus[domain.BookingCancelled] != 1 {
		t.Errorf("overview: %d bookings, %d seats, %d upcoming, %v", len(ov.Bookings), ov.Seats, ov.Upcoming, ov.ByStatus)
	}
	ov, err = e.svc.BookingOverview(ctx, staff, domain.BookingCancelled, firstPage)
	must(t, err)
	if len(ov.Bookings) != 1 || ov.Bookings[0].ID != b.ID {
		t.Errorf("cancelled filter: %v", ov.Bookings)
	}
	e.setClock(func() time.Time { return s.StartsAt.Add(time.Minute) })
	if ov, _ = e.svc.BookingOverview(ctx, staff, "", firstPage); ov.Upcoming != 0 {
		t.Errorf("a started session is still to come")
	}
}
