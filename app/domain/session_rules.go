package domain

import (
	"strings"
	"time"
)

// Session bounds.
const (
	SessionCapacityMax = 200
	SessionLongest     = 12 * time.Hour
)

// ValidateSession checks a visit session an employer adds to a visit offer
// at instant now.
func ValidateSession(s *VisitSession, o *Offer, now time.Time) error {
	for _, check := range []func() error{
		func() error { return validateSessionTimes(s, now) },
		func() error { return validateSessionSeats(s) },
		func() error { return validateSessionAges(s, o) },
	} {
		if err := check(); err != nil {
			return err
		}
	}
	if strings.TrimSpace(s.MeetingPoint) == "" {
		return FieldError("meeting_point", "error.session.meeting_point")
	}
	return nil
}

func validateSessionTimes(s *VisitSession, now time.Time) error {
	switch {
	case s.StartsAt.IsZero() || !s.StartsAt.After(now):
		return FieldError("starts_at", "error.session.in_past")
	case !WithinDateWindow(s.StartsAt, now):
		return FieldError("starts_at", "error.date.out_of_window")
	case !s.EndsAt.After(s.StartsAt) || s.EndsAt.Sub(s.StartsAt) > SessionLongest:
		return FieldError("ends_at", "error.session.ends_at")
	}
	return nil
}

func validateSessionSeats(s *VisitSession) error {
	switch {
	case s.Capacity < 1 || s.Capacity > SessionCapacityMax:
		return FieldError("capacity", "error.session.capacity")
	case s.MinGroup < 1 || s.MinGroup > s.Capacity:
		return FieldError("min_group", "error.session.min_group")
	case s.MaxGroup < s.MinGroup || s.MaxGroup > s.Capacity:
		return FieldError("max_group", "error.session.max_group")
	case s.ReservedPriority < 0 || s.ReservedPriority > s.Capacity:
		return FieldError("reserved_priority", "error.session.reserved")
	case s.ReservedPriority > 0 && (!s.ReservedUntil.Before(s.StartsAt) || s.ReservedUntil.IsZero()):
		return FieldError("reserved_until", "error.session.reserved_until")
	}
	return nil
}

func validateSessionAges(s *VisitSession, o *Offer) error {
	switch {
	case s.AgeMin < o.AgeMin || s.AgeMin > o.AgeMax:
		return FieldError("age_min", "error.session.age_min")
	case s.AgeMax < s.AgeMin || s.AgeMax > o.AgeMax:
		return FieldError("age_max", "error.session.age_max")
	}
	return nil
}
