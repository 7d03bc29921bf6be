package domain

import (
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// Event bounds.
const (
	EventTitleMax       = 150
	EventDescriptionMax = 5000
	EventCapacityMax    = 5000
	EventStandsMax      = 500
	EventGroupMax       = 60 // a counsellor's group, like a class or two
	EventPersonMax      = 5  // someone and colleagues
	EventYouthMinAge    = ConsentAge
)

// ValidateEvent checks an event before it is saved: kind, publics, title,
// place (a commune of the 92 and an address, or an online link), dates in
// the future and in order, capacity, and stands only where employers hold
// some. knownCommune tells a commune of the département.
func ValidateEvent(e *Event, knownCommune func(string) bool, now time.Time) error {
	switch {
	case !e.Kind.Valid():
		return FieldError("kind", "error.event.kind")
	case strings.TrimSpace(e.Title) == "" || utf8.RuneCountInString(e.Title) > EventTitleMax:
		return FieldError("title", "error.event.title")
	case utf8.RuneCountInString(e.Description) > EventDescriptionMax:
		return FieldError("description", "error.event.description")
	case len(e.Audiences) == 0:
		return FieldError("audiences", "error.event.audiences")
	}
	for _, a := range e.Audiences {
		if !a.Valid() {
			return FieldError("audiences", "error.event.audiences")
		}
	}
	if err := validateEventPlace(e, knownCommune); err != nil {
		return err
	}
	switch {
	case e.StartsAt.IsZero() || !e.StartsAt.After(now):
		return FieldError("starts_at", "error.event.starts_at")
	case !e.EndsAt.After(e.StartsAt) || e.EndsAt.Sub(e.StartsAt) > 7*24*time.Hour:
		return FieldError("ends_at", "error.event.ends_at")
	case e.Capacity < 1 || e.Capacity > EventCapacityMax:
		return FieldError("capacity", "error.event.capacity")
	case e.Stands < 0 || e.Stands > EventStandsMax || (e.Stands > 0 && !e.Kind.HasStands()):
		return FieldError("stands", "error.event.stands")
	}
	return nil
}

func validateEventPlace(e *Event, knownCommune func(string) bool) error {
	if e.Online {
		u, err := url.Parse(strings.TrimSpace(e.Link))
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return FieldError("link", "error.event.link")
		}
		return nil
	}
	switch {
	case !knownCommune(e.CommuneCode):
		return FieldError("commune_code", "error.event.commune")
	case strings.TrimSpace(e.Address) == "" || utf8.RuneCountInString(e.Address) > 300:
		return FieldError("address", "error.event.address")
	}
	return nil
}

// EventOpen checks that an event takes registrations at now: published,
// not begun.
func EventOpen(e *Event, now time.Time) error {
	if e.Status != EventPublished || !e.StartsAt.After(now) {
		return &Error{Code: ECONFLICT, Message: "error.event.closed"}
	}
	return nil
}

// ValidateRegistration checks a registration's kind against the event's
// publics and its size against its bounds.
func ValidateRegistration(e *Event, r *EventRegistration) error {
	switch r.Kind {
	case RegisterYouth:
		if !e.For(AudienceYouths) {
			return &Error{Code: EFORBIDDEN, Message: "error.event.not_for_you"}
		}
	case RegisterGroup:
		if !e.For(AudienceSchools) {
			return &Error{Code: EFORBIDDEN, Message: "error.event.not_for_you"}
		}
		if r.Places < 1 || r.Places > EventGroupMax {
			return FieldError("places", "error.event.group_size")
		}
		if strings.TrimSpace(r.GroupName) == "" || utf8.RuneCountInString(r.GroupName) > 100 {
			return FieldError("group_name", "error.event.group_name")
		}
	case RegisterStand:
		if !e.For(AudienceEmployers) || e.Stands == 0 {
			return &Error{Code: EFORBIDDEN, Message: "error.event.no_stands"}
		}
	case RegisterPerson:
		if !e.For(AudienceAssociations) && !e.For(AudienceEmployers) {
			return &Error{Code: EFORBIDDEN, Message: "error.event.not_for_you"}
		}
		if r.Places < 1 || r.Places > EventPersonMax {
			return FieldError("places", "error.event.person_size")
		}
	default:
		return FieldError("kind", "error.event.registration_kind")
	}
	return nil
}

// YouthMayRegister checks the age rule of a youth registering alone: from
// 15 (under it, one comes with one's school or structure, as a group), and
// no older than the programme.
func YouthMayRegister(y *Youth, now time.Time) error {
	switch age := y.Age(now); {
	case age < EventYouthMinAge:
		return &Error{Code: EFORBIDDEN, Message: "error.event.youth_too_young"}
	case age > MaxYouthAge:
		return &Error{Code: EFORBIDDEN, Message: "error.event.youth_too_old"}
	}
	return nil
}

// ValidateEventAttendance checks an attendance record: attended or absent,
// once the event has begun.
func ValidateEventAttendance(e *Event, to RegistrationStatus, now time.Time) error {
	switch {
	case to != RegistrationAttended && to != RegistrationNoShow:
		return FieldError("status", "error.event.attendance")
	case now.Before(e.StartsAt):
		return FieldError("status", "error.event.not_yet")
	}
	return nil
}
