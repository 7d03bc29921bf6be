package passerelle

import (
	"context"
	"strings"

	"passerelle/app/domain"
)

// Audited booking actions.
const (
	AuditBookingCreated   = "booking.created"
	AuditBookingCancelled = "booking.cancelled"
	AuditBookingAttended  = "booking.attendance"
)

// CancelBooking cancels a booking before the visit, by its counsellor or an
// employer of the offer, with the reason the other side is sent. Its seats
// go back to the session and the waitlist moves up.
func (s *Service) CancelBooking(ctx context.Context, actor *domain.User, id, reason string) (*domain.Booking, error) {
	if err := domain.ValidateCancelReason(reason); err != nil {
		return nil, err
	}
	b, vs, side, err := s.bookingForParty(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	if !vs.StartsAt.After(s.now()) {
		return nil, &domain.Error{Code: domain.ECONFLICT, Message: "error.booking.started"}
	}
	change := domain.BookingChange{CancelledBy: side, CancelReason: strings.TrimSpace(reason)}
	if err := s.moveBooking(ctx, b, domain.BookingCancelled, change); err != nil {
		return nil, err
	}
	b.CancelledBy, b.CancelReason = side, strings.TrimSpace(reason)
	s.audit(ctx, actor, AuditBookingCancelled, "booking", b.ID, reason)
	if err := s.store.ReleaseSeats(ctx, vs.ID, b.Hold()); err != nil {
		return b, err // the scheduled repair gives the seats back
	}
	s.notifyCancellation(ctx, b, vs, side)
	return b, s.promote(ctx, vs.ID)
}

// MarkAttendance records, once the visit has begun, whether the group came.
func (s *Service) MarkAttendance(ctx context.Context, actor *domain.User, id string, to domain.BookingStatus) (*domain.Booking, error) {
	b, vs, _, err := s.bookingForParty(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	if err := domain.ValidateAttendance(vs, to, s.now()); err != nil {
		return nil, err
	}
	if err := s.moveBooking(ctx, b, to, domain.BookingChange{}); err != nil {
		return nil, err
	}
	s.audit(ctx, actor, AuditBookingAttended, "booking", b.ID, string(to))
	return b, nil
}

// Sides of a booking.
const (
	SideCounsellor = "counsellor"
	SideEmployer   = "employer"
)

// bookingForParty loads a booking and its session, and tells which side the
// actor is on; anyone else is refused.
func (s *Service) bookingForParty(ctx context.Context, actor *domain.User, id string) (*domain.Booking, *domain.VisitSession, string, error) {
	b, err := s.store.BookingByID(ctx, id)
	if err != nil {
		return nil, nil, "", err
	}
	side := ""
	switch {
	case actor != nil && b.CounsellorID == actor.ID, memberOf(actor, domain.RoleCounsellor, b.StructureID):
		side = SideCounsellor
	case memberOf(actor, domain.RoleEmployer, b.OrganisationID):
		side = SideEmployer
	default:
		return nil, nil, "", errForbidden
	}
	vs, err := s.store.SessionByID(ctx, b.SessionID)
	return b, vs, side, err
}
