package domain

import (
	"strings"
	"time"
)

// Group bounds of a booking.
const (
	BookingAdultsMax    = 10
	BookingGroupNameMax = 80
	CancelReasonMin     = 5
)

// ValidateBooking checks a group booking request against its session at
// instant now.
func ValidateBooking(b *Booking, s *VisitSession, now time.Time) error {
	name := strings.TrimSpace(b.GroupName)
	switch {
	case !s.StartsAt.After(now):
		return FieldError("session_id", "error.booking.session_past")
	case name == "" || len(name) > BookingGroupNameMax:
		return FieldError("group_name", "error.booking.group_name")
	case strings.TrimSpace(b.GroupLevel) == "":
		return FieldError("group_level", "error.booking.group_level")
	case b.Seats < max(1, s.MinGroup) || (s.MaxGroup > 0 && b.Seats > s.MaxGroup):
		return FieldError("seats", "error.booking.group_size")
	case b.Adults < 1 || b.Adults > BookingAdultsMax:
		return FieldError("adults", "error.booking.adults")
	}
	return nil
}

// ReservedShareApplies reports whether, at instant now, a booking for a
// structure outside priority education may only take seats of the open share.
func (s *VisitSession) ReservedShareApplies(priority bool, now time.Time) bool {
	return !priority && s.ReservedPriority > 0 && now.Before(s.ReservedUntil)
}

// ValidateCancelReason requires a reason, which the other side is told.
func ValidateCancelReason(reason string) error {
	if len([]rune(strings.TrimSpace(reason))) < CancelReasonMin {
		return FieldError("reason", "error.booking.reason_missing")
	}
	return nil
}

// ValidateAttendance allows attended and no-show once the visit has begun.
func ValidateAttendance(s *VisitSession, to BookingStatus, now time.Time) error {
	switch {
	case to != BookingAttended && to != BookingNoShow:
		return FieldError("status", "error.booking.transition")
	case now.Before(s.StartsAt):
		return FieldError("status", "error.booking.not_yet")
	}
	return nil
}
