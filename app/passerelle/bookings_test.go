package passerelle_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/passerelle"
)

func seatsOf(t *testing.T, e *env, id string) (left, open int) {
	t.Helper()
	s, err := e.db.SessionByID(context.Background(), id)
	must(t, err)
	return s.SeatsLeft, s.OpenLeft
}

func TestReservedShareIsKeptForPriorityEducationUntilItsRelease(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	s := e.session(t, e.publishedOffer(t, domain.OfferVisit, nil).ID, 30, 10)
	if _, err := e.svc.Book(ctx, counsellor2, booking(s.ID, "school-std", 20)); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Book(ctx, counsellor2, booking(s.ID, "school-std", 1)); domain.ErrorMessage(err) != "error.session.full" {
		t.Fatalf("a school outside priority education took a reserved seat: %v", err)
	}
	if _, err := e.svc.Book(ctx, counsellor, booking(s.ID, "school-rep", 6)); err != nil {
		t.Fatalf("a REP school could not book the reserved share: %v", err)
	}
	e.setClock(func() time.Time { return s.ReservedUntil.Add(time.Minute) })
	if _, err := e.svc.Book(ctx, counsellor2, booking(s.ID, "school-std", 4)); err != nil {
		t.Fatalf("after the release date the reserved seats stay closed: %v", err)
	}
	if left, _ := seatsOf(t, e, s.ID); left != 0 {
		t.Errorf("%d seats left, want 0", left)
	}
}

func TestConfirmationCarriesTheCalendar(t *testing.T) {
	e := newEnv(t)
	s := e.visit(t)
	b, err := e.svc.Book(context.Background(), counsellor, booking(s.ID, "school-rep", 24))
	must(t, err)
	sent := e.mail.to(counsellor.Email, "booking_confirmed")
	if b.Status != domain.BookingConfirmed || len(sent) != 1 || len(sent[0].Attachments) != 1 {
		t.Fatalf("booking %s, emails %+v", b.Status, sent)
	}
	cal := string(sent[0].Attachments[0].Data)
	if !strings.Contains(cal, "BEGIN:VEVENT") || !strings.Contains(cal, "LOCATION:Accueil du fournil") {
		t.Errorf("calendar:\n%s", cal)
	}
}

func TestBookingRefusals(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	s := e.visit(t)
	cases := []struct {
		name  string
		actor *domain.User
		edit  func(in *passerelle.BookingInput)
		key   string
	}{
		{"another school's counsellor", counsellor2, func(in *passerelle.BookingInput) {}, "error.forbidden"},
		{"no group name", counsellor, func(in *passerelle.BookingInput) { in.GroupName = "" }, "error.booking.group_name"},
		{"group too large", counsellor, func(in *passerelle.BookingInput) { in.Seats = 31 }, "error.booking.group_size"},
		{"no adult", counsellor, func(in *passerelle.BookingInput) { in.Adults = 0 }, "error.booking.adults"},
		{"unknown session", counsellor, func(in *passerelle.BookingInput) { in.SessionID = "nope" }, "error.session.not_found"},
	}
	for _, c := range cases {
		in := booking(s.ID, "school-rep", 10)
		c.edit(&in)
		if _, err := e.svc.Book(ctx, c.actor, in); domain.ErrorMessage(err) != c.key {
			t.Errorf("%s: %v, want %s", c.name, err, c.key)
		}
	}
	e.setClock(func() time.Time { return s.StartsAt })
	if _, err := e.svc.Book(ctx, counsellor, booking(s.ID, "school-rep", 10)); domain.ErrorMessage(err) != "error.booking.session_past" {
		t.Errorf("booked a session that has begun: %v", err)
	}
	if bookings, _ := e.db.Bookings(ctx, domain.BookingFilter{SessionID: s.ID}); len(bookings) != 0 {
		t.Errorf("refused requests were saved: %v", bookings)
	}
}

func TestCancellationPromotesTheWaitlist(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	s := e.visit(t)
	first, err := e.svc.Book(ctx, counsellor, booking(s.ID, "school-rep", 25))
	must(t, err)
	big, small := booking(s.ID, "school-rep", 20), booking(s.ID, "school-std", 8)
	big.Waitlist, small.Waitlist = true, true
	waitingBig, err := e.svc.Book(ctx, counsellor, big)
	must(t, err)
	waitingSmall, err := e.svc.Book(ctx, counsellor2, small)
	must(t, err)
	if waitingBig.Status != domain.BookingWaitlisted || waitingSmall.Status != domain.BookingWaitlisted {
		t.Fatalf("waitlist: %s, %s", waitingBig.Status, waitingSmall.Status)
	}
	if _, err := e.svc.CancelBooking(ctx, employer, first.ID, "x"); domain.ErrorMessage(err) != "error.booking.reason_missing" {
		t.Errorf("cancelled without a reason: %v", err)
	}
	if _, err := e.svc.CancelBooking(ctx, employer, first.ID, "Atelier fermé pour travaux"); err != nil {
		t.Fatal(err)
	}
	got := map[string]domain.BookingStatus{}
	bookings, _ := e.db.Bookings(ctx, domain.BookingFilter{SessionID: s.ID})
	for _, b := range bookings {
		got[b.ID] = b.Status
	}
	if got[first.ID] != domain.BookingCancelled || got[waitingBig.ID] != domain.BookingConfirmed || got[waitingSmall.ID] != domain.BookingConfirmed {
		t.Errorf("after the cancellation: %v", got)
	}
	if left, _ := seatsOf(t, e, s.ID); left != 2 {
		t.Errorf("%d seats left, want 2", left)
	}
	if len(e.mail.to(counsellor.Email, "booking_cancelled")) != 1 || len(e.mail.to(counsellor2.Email, "booking_confirmed")) != 1 {
		t.Errorf("emails: %+v", e.mail.sent)
	}
}

func TestAttendanceAfterTheVisit(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	s := e.visit(t)
	b, err := e.svc.Book(ctx, counsellor, booking(s.ID, "school-rep", 10))
	must(t, err)
	if _, err := e.svc.MarkAttendance(ctx, employer, b.ID, domain.BookingAttended); domain.ErrorMessage(err) != "error.booking.not_yet" {
		t.Errorf("attendance before the visit: %v", err)
	}
	e.setClock(func() time.Time { return s.EndsAt })
	if _, err := e.svc.CancelBooking(ctx, counsellor, b.ID, "Grève des transports"); domain.ErrorMessage(err) != "error.booking.started" {
		t.Errorf("cancelled after the visit: %v", err)
	}
	if _, err := e.svc.MarkAttendance(ctx, counsellor2, b.ID, domain.BookingNoShow); domain.ErrorCode(err) != domain.EFORBIDDEN {
		t.Errorf("a stranger marked attendance: %v", err)
	}
	marked, err := e.svc.MarkAttendance(ctx, employer, b.ID, domain.BookingNoShow)
	must(t, err)
	if _, err := e.svc.MarkAttendance(ctx, counsellor, b.ID, domain.BookingAttended); domain.ErrorMessage(err) != "error.booking.transition" {
		t.Errorf("attendance changed twice: %s then %v", marked.Status, err)
	}
}

func TestRetriedRequestBooksOnce(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	s := e.visit(t)
	in := booking(s.ID, "school-rep", 10)
	in.RequestKey = "form-123"
	a, err := e.svc.Book(ctx, counsellor, in)
	must(t, err)
	b, err := e.svc.Book(ctx, counsellor, in)
	must(t, err)
	if a.ID != b.ID {
		t.Errorf("two bookings for one request: %s, %s", a.ID, b.ID)
	}
	if left, _ := seatsOf(t, e, s.ID); left != 20 {
		t.Errorf("%d seats left, want 20", left)
	}
}

// A crash between taking seats and saving the booking leaves seats held for
// nothing; one between a promotion's steps leaves a waiting booking holding
// seats. The repair mends both.
func TestRepairAfterACrash(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	s := e.visit(t)
	orphan := domain.SeatHold{BookingID: "never-saved", Seats: 12, At: today}
	if took, err := e.db.TakeSeats(ctx, s.ID, orphan); !took || err != nil {
		t.Fatal(took, err)
	}
	in := booking(s.ID, "school-rep", 20)
	in.Waitlist = true
	waiting, err := e.svc.Book(ctx, counsellor, in)
	must(t, err)
	if waiting.Status != domain.BookingWaitlisted {
		t.Fatalf("booking of 20 with 18 seats left is %s", waiting.Status)
	}
	must(t, ignore(e.svc.RepairSession(ctx, s.ID, today.Add(time.Minute))))
	got, _ := e.db.BookingByID(ctx, waiting.ID)
	if left, _ := seatsOf(t, e, s.ID); got.Status != domain.BookingConfirmed || left != 10 {
		t.Errorf("after the repair: booking %s, %d seats left; want confirmed and 10", got.Status, left)
	}
	in.Seats = 15
	midway, err := e.svc.Book(ctx, counsellor, in)
	must(t, err)
	// A cancellation, then only the first step of the promotion it starts.
	must(t, ignore(e.db.MoveBooking(ctx, waiting.ID, []domain.BookingStatus{domain.BookingConfirmed}, domain.BookingCancelled, domain.BookingChange{})))
	must(t, e.db.ReleaseSeats(ctx, s.ID, waiting.Hold()))
	if took, err := e.db.TakeSeats(ctx, s.ID, midway.Hold()); !took || err != nil {
		t.Fatal(took, err)
	}
	must(t, ignore(e.svc.RepairSession(ctx, s.ID, today.Add(time.Minute))))
	if got, _ := e.db.BookingByID(ctx, midway.ID); got.Status != domain.BookingConfirmed {
		t.Errorf("a waiting booking holding seats is %s after the repair", got.Status)
	}
	checkSeats(t, e, []*domain.VisitSession{s})
}

// The job gives back seats held for a booking never saved once the grace
// period is over, and not before: the booking may be being saved.
func TestBookingRepairWaitsForTheGracePeriod(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	s := e.visit(t)
	_, err := e.svc.Book(ctx, counsellor, booking(s.ID, "school-rep", 5))
	must(t, err)
	leaked := domain.SeatHold{BookingID: "died-midway", Seats: 7, At: today.Add(-10 * time.Minute)}
	inFlight := domain.SeatHold{BookingID: "being-saved", Seats: 4, At: today.Add(-time.Minute)}
	for _, h := range []domain.SeatHold{leaked, inFlight} {
		if took, err := e.db.TakeSeats(ctx, s.ID, h); !took || err != nil {
			t.Fatal(took, err)
		}
	}
	mended, err := e.svc.RepairBookings(ctx, 5*time.Minute)
	must(t, err)
	if left, _ := seatsOf(t, e, s.ID); mended != 1 || left != 30-5-4 {
		t.Errorf("repair mended %d holds, %d seats left; want 1 and %d", mended, left, 30-5-4)
	}
	e.setClock(func() time.Time { return today.Add(10 * time.Minute) })
	mended, err = e.svc.RepairBookings(ctx, 5*time.Minute)
	must(t, err)
	if mended != 1 {
		t.Errorf("second repair mended %d holds, want the one past its grace", mended)
	}
	checkSeats(t, e, []*domain.VisitSession{s})
}
