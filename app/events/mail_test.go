package events_test

import (
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/events"
	"passerelle/app/i18n"
	"passerelle/app/i18n/texttest"
)

// Every email of the events reads as text in both languages, with the
// event's values in place, the youths' in their words.
func TestEventEmailsInBothLanguages(t *testing.T) {
	catalog, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 12, 3, 9, 30, 0, 0, domain.Paris)
	e := &domain.Event{ID: "e1", Title: "Forum des métiers", CommuneCode: "92050", Address: "Salle des fêtes",
		StartsAt: start, EndsAt: start.Add(time.Hour)}
	for _, kind := range []domain.RegistrationKind{domain.RegisterYouth, domain.RegisterGroup} {
		r := &domain.EventRegistration{ID: "r1", Kind: kind, Name: "Inès Roche", Places: 24}
		n := events.Reminder(r, e)
		for _, text := range []string{"event_registered", "event_waitlisted", "event_cancelled", "event_reminder", "event_registered_guardian"} {
			key := strings.Replace(n.Text, "event_reminder", text, 1)
			if text == "event_registered_guardian" {
				key = "email.events.event_registered_guardian"
			}
			for _, locale := range []string{"fr", "en"} {
				got := catalog.T(locale, key+".subject", n.Args...) + "\n" + catalog.T(locale, key+".body", n.Args...)
				texttest.Check(t, key+" ("+locale+")", got)
				if !strings.Contains(got, "Forum des métiers") || !strings.Contains(got, "Salle des fêtes, Nanterre") {
					t.Errorf("%s (%s) lacks the event: %q", key, locale, got)
				}
				if locale == "fr" && kind == domain.RegisterYouth && strings.HasSuffix(key, "_youth") && strings.Contains(got, "vous") {
					t.Errorf("%s speaks to a youth as vous: %q", key, got)
				}
			}
		}
	}
}
