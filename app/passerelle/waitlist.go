package passerelle

import (
	"context"

	"passerelle/app/domain"
)

// promote gives freed seats to the waitlist, oldest request first, skipping a
// group too large for what is left so that a smaller one may come in. Each
// step is one conditional update, so concurrent promotions never give a seat
// twice; a crash between steps is mended by RepairSession.
func (s *Service) promote(ctx context.Context, sessionID string) error {
	vs, err := s.store.SessionByID(ctx, sessionID)
	if err != nil {
		return err
	}
	waiting, err := s.store.Bookings(ctx, domain.BookingFilter{SessionID: sessionID})
	if err != nil {
		return err
	}
	left, openLeft := vs.SeatsLeft, vs.OpenLeft
	for i := range waiting {
		b := &waiting[i]
		if b.Status != domain.BookingWaitlisted || b.Seats > left {
			continue
		}
		openShare := vs.ReservedShareApplies(b.Priority, s.now())
		if openShare && b.Seats > openLeft {
			continue
		}
		took, err := s.promoteOne(ctx, b, vs, openShare)
		if err != nil {
			return err
		}
		if took {
			left -= b.Seats
			openLeft -= b.OpenSeats
		}
	}
	return nil
}

func (s *Service) promoteOne(ctx context.Context, b *domain.Booking, vs *domain.VisitSession, openShare bool) (bool, error) {
	if open := b.Seats * boolInt(openShare); open != b.OpenSeats {
		// Recorded before taking, so that a release after a crash gives back the right share.
		if _, err := s.store.MoveBooking(ctx, b.ID, []domain.BookingStatus{domain.BookingWaitlisted}, domain.BookingWaitlisted,
			domain.BookingChange{OpenSeats: &open}); err != nil {
			return false, err
		}
		b.OpenSeats = open
	}
	took, err := s.store.TakeSeats(ctx, vs.ID, b.Hold())
	if err != nil || !took {
		return false, err
	}
	return true, s.confirmHeld(ctx, b, vs)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
