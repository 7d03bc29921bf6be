package passerelle

import (
	"context"

	"passerelle/app/domain"
)

var errBookingChanged = &domain.Error{Code: domain.ECONFLICT, Message: "error.booking.changed"}

// moveBooking moves b to status `to` if the table allows it from where the
// booking stands in the database, and updates b.
func (s *Service) moveBooking(ctx context.Context, b *domain.Booking, to domain.BookingStatus, change domain.BookingChange) error {
	if !b.Status.CanMove(to) {
		return &domain.Error{Code: domain.ECONFLICT, Message: "error.booking.transition"}
	}
	now := s.now()
	change.At = now
	moved, err := s.store.MoveBooking(ctx, b.ID, domain.BookingStatusesBefore(to), to, change)
	if err != nil {
		return err
	}
	if !moved {
		return errBookingChanged
	}
	b.Status, b.UpdatedAt = to, now
	return nil
}

// confirmHeld confirms a booking whose seats are taken. If it was cancelled
// in between, its seats go back (release is idempotent); if another process
// confirmed it already, nothing more is needed.
func (s *Service) confirmHeld(ctx context.Context, b *domain.Booking, vs *domain.VisitSession) error {
	err := s.moveBooking(ctx, b, domain.BookingConfirmed, domain.BookingChange{OpenSeats: &b.OpenSeats})
	if domain.ErrorCode(err) != domain.ECONFLICT {
		if err == nil {
			s.notifyBooking(ctx, b, vs, "booking_confirmed")
		}
		return err
	}
	now, rerr := s.store.BookingByID(ctx, b.ID)
	if rerr != nil {
		return rerr
	}
	if !now.Holds() {
		return s.store.ReleaseSeats(ctx, b.SessionID, b.Hold())
	}
	*b = *now
	return nil
}
