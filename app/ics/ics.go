// Package ics writes iCalendar files (RFC 5545) for visit confirmations,
// so that a counsellor can add a booked visit to any calendar.
package ics

import (
	"strconv"
	"strings"
	"time"
)

// Event is one calendar entry.
type Event struct {
	UID         string // stable across updates, so that a calendar replaces the entry
	Sequence    int    // increases with each update of the same UID
	Start, End  time.Time
	Stamp       time.Time
	Summary     string
	Location    string
	Description string
	Cancelled   bool
}

const layout = "20060102T150405Z"

// Calendar returns a VCALENDAR holding the events, with CRLF line ends and
// long lines folded as RFC 5545 requires.
func Calendar(events ...Event) []byte {
	var b strings.Builder
	method := "PUBLISH"
	if len(events) == 1 && events[0].Cancelled {
		method = "CANCEL"
	}
	lines := []string{"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Departement des Hauts-de-Seine//Passerelle 92//FR",
		"CALSCALE:GREGORIAN", "METHOD:" + method}
	for _, e := range events {
		lines = append(lines, e.lines()...)
	}
	lines = append(lines, "END:VCALENDAR")
	for _, l := range lines {
		b.WriteString(fold(l))
	}
	return []byte(b.String())
}

func (e Event) lines() []string {
	status := "CONFIRMED"
	if e.Cancelled {
		status = "CANCELLED"
	}
	return []string{"BEGIN:VEVENT", "UID:" + escape(e.UID), "SEQUENCE:" + itoa(e.Sequence),
		"DTSTAMP:" + utc(e.Stamp), "DTSTART:" + utc(e.Start), "DTEND:" + utc(e.End),
		"SUMMARY:" + escape(e.Summary), "LOCATION:" + escape(e.Location),
		"DESCRIPTION:" + escape(e.Description), "STATUS:" + status, "END:VEVENT"}
}

func utc(t time.Time) string { return t.UTC().Format(layout) }

func itoa(n int) string { return strconv.Itoa(n) }

// escape protects the characters that TEXT values reserve.
var escape = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`).Replace

// fold cuts a content line into lines of at most 75 octets, never inside a
// UTF-8 sequence, each continuation starting with a space.
func fold(line string) string {
	var b strings.Builder
	limit := 75
	for len(line) > limit {
		cut := limit
		for cut > 0 && !startsRune(line[cut]) {
			cut--
		}
		b.WriteString(line[:cut] + "\r\n ")
		line, limit = line[cut:], 74
	}
	b.WriteString(line + "\r\n")
	return b.String()
}

func startsRune(c byte) bool { return c&0xC0 != 0x80 }
