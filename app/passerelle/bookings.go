package passerelle

import (
	"context"
	"errors"
	"strings"

	"passerelle/app/domain"
)

// BookingInput is a counsellor's request for places for a group.
type BookingInput struct {
	SessionID   string
	StructureID string // the counsellor's school or structure
	GroupName   string
	GroupLevel  string
	Seats       int
	Adults      int
	Waitlist    bool   // join the waitlist when the session is full
	RequestKey  string // optional idempotency key: the same key books once
}

var errSessionFull = &domain.Error{Code: domain.ECONFLICT, Message: "error.session.full", Field: "seats"}

// Book takes places of a session for a counsellor's group. It reads the
// session, its offer and the counsellor's structure once each; the seats are
// taken in one conditional update of the session that records the booking
// among its holders (never over capacity; the share reserved for priority
// education kept for it until its release date); then the booking is
// inserted, already confirmed, and its audit entry and confirmation queued
// in the same pass, from what was read: nothing is read back. When the
// session is full the booking joins the waitlist if asked, and otherwise
// nothing is written. On a replica set both writes are one transaction;
// elsewhere a crash between them leaves a hold without a booking, which the
// booking_repair job gives back.
func (s *Service) Book(ctx context.Context, actor *domain.User, in BookingInput) (*domain.Booking, error) {
	b, vs, err := s.newBooking(ctx, actor, in)
	if err != nil {
		return nil, err
	}
	requested := *b
	err = s.store.Atomically(ctx, func(ctx context.Context) error {
		*b = requested // a retried transaction starts again
		return s.holdAndSave(ctx, b, vs, in.Waitlist)
	})
	switch {
	case errors.Is(err, errSessionFull):
		return nil, err
	case err != nil:
		return s.sameRequest(ctx, b, err)
	}
	s.audit(ctx, actor, AuditBookingCreated, "booking", b.ID, string(b.Status))
	if b.Status == domain.BookingConfirmed { // the actor booked: their language is at hand
		s.notifyCounsellor(ctx, b, vs, "booking_confirmed", domain.RecipientOf(*actor))
	}
	return b, nil
}

// holdAndSave takes the booking's seats, or puts it on the waitlist, then
// saves it.
func (s *Service) holdAndSave(ctx context.Context, b *domain.Booking, vs *domain.VisitSession, waitlist bool) error {
	took, err := s.store.TakeSeats(ctx, vs.ID, b.Hold())
	switch {
	case err != nil:
		return err
	case took:
		b.Status = domain.BookingConfirmed
	case waitlist:
		b.Status, b.OpenSeats = domain.BookingWaitlisted, 0
	default:
		return errSessionFull
	}
	return s.store.InsertBooking(ctx, b)
}

// newBooking checks the request and returns the booking to save.
func (s *Service) newBooking(ctx context.Context, actor *domain.User, in BookingInput) (*domain.Booking, *domain.VisitSession, error) {
	if !memberOf(actor, domain.RoleCounsellor, in.StructureID) {
		return nil, nil, errForbidden
	}
	vs, o, structure, err := s.bookingContext(ctx, in)
	if err != nil {
		return nil, nil, err
	}
	now := s.now()
	b := &domain.Booking{ID: s.bookingID(actor, in), SessionID: vs.ID, OfferID: o.ID, OrganisationID: o.OrganisationID,
		StructureID: structure.ID, Priority: structure.Priority != "", CounsellorID: actor.ID,
		CounsellorEmail: actor.Email, CounsellorName: actor.Name, GroupName: strings.TrimSpace(in.GroupName),
		GroupLevel: strings.TrimSpace(in.GroupLevel), Seats: in.Seats, Adults: in.Adults,
		Status: domain.BookingRequested, CreatedAt: now, UpdatedAt: now}
	if err := domain.ValidateBooking(b, vs, now); err != nil {
		return nil, nil, err
	}
	if vs.ReservedShareApplies(b.Priority, now) {
		b.OpenSeats = b.Seats
	}
	return b, vs, nil
}

func (s *Service) bookingContext(ctx context.Context, in BookingInput) (*domain.VisitSession, *domain.Offer, *domain.Organisation, error) {
	vs, o, err := s.SessionToBook(ctx, in.SessionID)
	if err != nil {
		return nil, nil, nil, err
	}
	structure, err := s.store.OrganisationByID(ctx, in.StructureID)
	return vs, o, structure, err
}

// bookingID derives the id from the request key, so that a retried request
// finds its first booking instead of booking twice.
func (s *Service) bookingID(actor *domain.User, in BookingInput) string {
	if in.RequestKey == "" {
		return domain.NewID("booking")
	}
	return "booking-" + in.SessionID + "-" + actor.ID + "-" + in.RequestKey
}

// sameRequest answers a retried request with the booking it made.
func (s *Service) sameRequest(ctx context.Context, b *domain.Booking, insertErr error) (*domain.Booking, error) {
	if domain.ErrorCode(insertErr) != domain.ECONFLICT {
		return nil, insertErr
	}
	return s.store.BookingByID(ctx, b.ID)
}
