package events

import (
	"passerelle/app/domain"
	"passerelle/app/i18n"
	"passerelle/app/ics"
	"passerelle/app/refdata"
)

// Calendar returns the .ics of a registration's event, for the email and
// the "add to calendar" link; a cancelled registration or event cancels the
// entry.
func Calendar(e *domain.Event, r *domain.EventRegistration) []byte {
	cancelled := r.Status == domain.RegistrationCancelled || e.Status == domain.EventCancelled
	seq := 0
	if cancelled {
		seq = 1
	}
	return ics.Calendar(ics.Event{UID: r.ID + "@passerelle92", Sequence: seq, Start: e.StartsAt, End: e.EndsAt,
		Stamp: r.UpdatedAt, Summary: e.Title, Location: Place(e), Description: e.Description, Cancelled: cancelled})
}

// Place is where an event happens, in words: its address and commune, or
// its link.
func Place(e *domain.Event) string {
	if e.Online {
		return e.Link
	}
	if c, ok := refdata.CommuneByCode(e.CommuneCode); ok {
		return e.Address + ", " + c.Name
	}
	return e.Address
}

// registrationNotice is the email "email.events.<template>" to the
// registrant: in words meant for a youth (tu) when a youth registered.
func registrationNotice(r *domain.EventRegistration, e *domain.Event, template string) domain.Notice {
	text := "email.events." + template
	if r.Kind == domain.RegisterYouth {
		text += "_youth"
	}
	return domain.Notice{Key: template + ":" + r.ID, To: domain.NoticeRecipient{Name: r.Name, Email: r.Email},
		Text: text, Args: noticeArgs(r, e), Framed: true}
}

// guardianNotice tells a minor's guardian of the registration.
func guardianNotice(r *domain.EventRegistration, e *domain.Event) domain.Notice {
	return domain.Notice{Key: "event_registered_guardian:" + r.ID, To: domain.NoticeRecipient{Email: r.GuardianEmail},
		Text: "email.events.event_registered_guardian", Args: noticeArgs(r, e), Framed: true}
}

// noticeArgs are the arguments of the events' emails: title, date, place,
// places, registrant's name. The date is in the platform's language, as the
// whole email.
func noticeArgs(r *domain.EventRegistration, e *domain.Event) []any {
	return []any{e.Title, i18n.DateTime(i18n.Default, e.StartsAt), Place(e), r.Places, r.Name}
}

// Reminder is the reminder of a confirmed registration, the day before its
// event: its key names the registration, so that it is sent once whatever
// the number of runs.
func Reminder(r *domain.EventRegistration, e *domain.Event) domain.Notice {
	return registrationNotice(r, e, "event_reminder")
}
