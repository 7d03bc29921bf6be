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

// RepairSession mends what a crash between the steps of a booking, a
// cancellation or a promotion left: a waiting booking holding seats is
// confirmed, a cancelled one still holding gives them back, seats held for
// a booking never saved are freed; then the waitlist moves up. A scheduled
// job runs it at a quiet hour: a booking being made at that very instant
// would lose its seats and be refused as full.
func (s *Service) RepairSession(ctx context.Context, sessionID string) error {
	vs, err := s.store.SessionByID(ctx, sessionID)
	if err != nil {
		return err
	}
	bookings, err := s.store.Bookings(ctx, domain.BookingFilter{SessionID: sessionID})
	if err != nil {
		return err
	}
	holds := map[string]bool{}
	for _, key := range vs.Holders {
		holds[key] = true
	}
	for i := range bookings {
		key := bookings[i].Hold().Key()
		if err := s.repairOne(ctx, &bookings[i], vs, holds[key]); err != nil {
			return err
		}
		delete(holds, key)
	}
	if err := s.releaseOrphans(ctx, vs.ID, holds); err != nil {
		return err
	}
	return s.promote(ctx, sessionID)
}

// releaseOrphans gives back seats held for bookings never saved.
func (s *Service) releaseOrphans(ctx context.Context, sessionID string, keys map[string]bool) error {
	for key := range keys {
		h, ok := domain.ParseSeatHold(key)
		if !ok {
			continue
		}
		if err := s.store.ReleaseSeats(ctx, sessionID, h); err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) repairOne(ctx context.Context, b *domain.Booking, vs *domain.VisitSession, holds bool) error {
	switch {
	case holds && b.Status == domain.BookingWaitlisted:
		return s.confirmHeld(ctx, b, vs)
	case holds && b.Status == domain.BookingCancelled:
		return s.store.ReleaseSeats(ctx, vs.ID, b.Hold())
	}
	return nil
}
