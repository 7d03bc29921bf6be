package ics_test

import (
	"strings"
	"testing"
	"time"

	"passerelle/app/ics"
)

func TestCalendarFollowsRFC5545(t *testing.T) {
	start := time.Date(2026, 12, 8, 9, 30, 0, 0, time.FixedZone("CET", 3600))
	cal := string(ics.Calendar(ics.Event{UID: "booking-1@passerelle92", Start: start, End: start.Add(2 * time.Hour),
		Stamp: start.AddDate(0, 0, -7), Summary: "Visite : atelier, boulangerie; fournil",
		Location: strings.Repeat("Accueil de la Boulangerie Éclair, ", 4), Description: "Groupe 3e B\n24 élèves"}))
	for _, want := range []string{"BEGIN:VCALENDAR\r\n", "VERSION:2.0\r\n", "METHOD:PUBLISH\r\n", "DTSTART:20261208T083000Z\r\n",
		"DTEND:20261208T103000Z\r\n", `SUMMARY:Visite : atelier\, boulangerie\; fournil` + "\r\n",
		`DESCRIPTION:Groupe 3e B\n24 élèves`, "END:VCALENDAR\r\n"} {
		if !strings.Contains(cal, want) {
			t.Errorf("calendar lacks %q:\n%s", want, cal)
		}
	}
	for _, line := range strings.Split(strings.TrimSuffix(cal, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line of %d octets: %q", len(line), line)
		}
	}
	if !strings.Contains(cal, "\r\n ") {
		t.Error("the long location was not folded")
	}
}

func TestCancelledEventCancelsTheCalendarEntry(t *testing.T) {
	cal := string(ics.Calendar(ics.Event{UID: "b", Sequence: 1, Cancelled: true}))
	if !strings.Contains(cal, "METHOD:CANCEL\r\n") || !strings.Contains(cal, "STATUS:CANCELLED\r\n") || !strings.Contains(cal, "SEQUENCE:1\r\n") {
		t.Errorf("cancellation calendar:\n%s", cal)
	}
}
