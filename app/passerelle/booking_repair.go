package passerelle

import (
	"context"
	"log/slog"
	"time"

	"passerelle/app/domain"
)

// RepairSession mends what a crash between the steps of a booking, a
// cancellation or a promotion left on one session: a waiting booking holding
// seats is confirmed, a cancelled one still holding gives them back, seats
// held for a booking never saved are freed; then the waitlist moves up.
// Holds without a booking taken at or after heldBefore are left alone: their
// booking may be being saved at this instant. It returns how many holds it
// mended.
func (s *Service) RepairSession(ctx context.Context, sessionID string, heldBefore time.Time) (int, error) {
	vs, err := s.store.SessionByID(ctx, sessionID)
	if err != nil {
		return 0, err
	}
	bookings, err := s.store.Bookings(ctx, domain.BookingFilter{SessionID: sessionID})
	if err != nil {
		return 0, err
	}
	return s.repair(ctx, vs, bookings, heldBefore)
}

// RepairBookings runs the repair on every session from the day before,
// with two reads whatever their number and writes only where something is
// to mend. It returns how many holds it mended.
func (s *Service) RepairBookings(ctx context.Context, grace time.Duration) (int, error) {
	now := s.now()
	sessions, err := s.store.SessionsStartingFrom(ctx, now.AddDate(0, 0, -1))
	if err != nil {
		return 0, err
	}
	ids := make([]string, len(sessions))
	for i := range sessions {
		ids[i] = sessions[i].ID
	}
	all, err := s.store.BookingsOfSessions(ctx, ids)
	if err != nil {
		return 0, err
	}
	bySession := map[string][]domain.Booking{}
	for _, b := range all {
		bySession[b.SessionID] = append(bySession[b.SessionID], b)
	}
	mended := 0
	for i := range sessions {
		n, err := s.repair(ctx, &sessions[i], bySession[sessions[i].ID], now.Add(-grace))
		mended += n
		if err != nil {
			return mended, err
		}
	}
	return mended, nil
}

func (s *Service) repair(ctx context.Context, vs *domain.VisitSession, bookings []domain.Booking, heldBefore time.Time) (int, error) {
	holds, saved := map[string]bool{}, map[string]bool{}
	for _, key := range vs.Holders {
		holds[key] = true
	}
	mended, waiting := 0, false
	for i := range bookings {
		b := &bookings[i]
		key := b.Hold().Key()
		saved[key] = true
		waiting = waiting || b.Status == domain.BookingWaitlisted
		if !holds[key] || b.Holds() || !heldBefore.After(vs.HeldAt[domain.HoldRef(key)]) {
			continue
		}
		if err := s.repairHolder(ctx, b, vs); err != nil {
			return mended, err
		}
		mended++
		s.logger.Warn("booking repair: seats held by a booking that does not hold", slog.String("session", vs.ID),
			slog.String("booking", b.ID), slog.String("status", string(b.Status)), slog.Int("seats", b.Seats))
	}
	for _, h := range vs.LeakedHolds(saved, heldBefore) {
		if err := s.store.ReleaseSeats(ctx, vs.ID, h); err != nil {
			return mended, err
		}
		mended++
		s.logger.Warn("booking repair: seats held for a booking never saved given back", slog.String("session", vs.ID),
			slog.String("booking", h.BookingID), slog.Int("seats", h.Seats))
	}
	if mended == 0 && !waiting {
		return 0, nil
	}
	return mended, s.promote(ctx, vs.ID)
}

// repairHolder mends a booking that holds seats without counting them: a
// waiting one whose promotion stopped after taking them is confirmed, a
// cancelled one whose release never came gives them back.
func (s *Service) repairHolder(ctx context.Context, b *domain.Booking, vs *domain.VisitSession) error {
	if b.Status == domain.BookingWaitlisted {
		return s.confirmHeld(ctx, b, vs)
	}
	return s.store.ReleaseSeats(ctx, vs.ID, b.Hold())
}
