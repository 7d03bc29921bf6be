package domain

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// TextKind is what a text field may hold: at most Max characters, on one
// line or several.
type TextKind struct {
	Max       int
	Multiline bool
	Message   string // translation key of the refusal
}

// The kinds of text fields.
var (
	TextTitle = TextKind{Max: OfferTitleMax, Message: "error.text.title_too_long"}
	TextName  = TextKind{Max: 150, Message: "error.text.name_too_long"} // people, organisations, groups
	TextLine  = TextKind{Max: 300, Message: "error.text.line_too_long"} // addresses, labels, searches, emails
	TextShort = TextKind{Max: 1000, Multiline: true, Message: "error.text.short_too_long"}
	TextLong  = TextKind{Max: OfferDescriptionMax, Multiline: true, Message: "error.text.long_too_long"}
	TextCode  = TextKind{Max: 64, Message: "error.text.line_too_long"} // identifiers, codes, dates, numbers
	// TextSecret is a password: kept exactly as typed (the account rules bound it).
	TextSecret = TextKind{Max: 1024, Multiline: true, Message: "error.text.line_too_long"}
)

// textFields is the one table of text limits, by form field and JSON key,
// shared by the pages and the API. A numbered field (expense_label_3) is its
// stem's; a field not listed is a long text.
var textFields = map[string]TextKind{
	"title": TextTitle, "offer_title": TextTitle, "group_name": TextName, "name": TextName, "first_name": TextName,
	"contact_name": TextName, "organisation": TextName, "counsellor_name": TextName,
	"address": TextLine, "meeting_point": TextLine, "label": TextLine, "q": TextLine, "email": TextLine,
	"guardian_email": TextLine, "contact_email": TextLine, "contact_phone": TextLine, "expense_label": TextLine,
	"resource_label": TextLine, "resource_funder": TextLine, "group_level": TextLine, "level": TextLine,
	"interests": TextLine, "languages": TextLine, "situation": TextLine, "suite": TextLine, "next": TextLine,
	"summary": TextShort, "reason": TextShort, "accessibility": TextShort, "testimony": TextShort, "author": TextName, "publics": TextShort, "indicators": TextShort, "comment": TextLong,
	"description": TextLong, "message": TextLong, "body": TextLong, "reply": TextLong, "recommendation": TextLong,
	"password": TextSecret, "confirm": TextSecret,
	"id": TextCode, "_csrf": TextCode, "siret": TextCode, "rna": TextCode, "uai": TextCode, "commune_code": TextCode,
	"organisation_id": TextCode, "structure_id": TextCode, "session_id": TextCode, "offer_id": TextCode,
	"starts_at": TextCode, "ends_at": TextCode, "start_date": TextCode, "end_date": TextCode, "starts_on": TextCode,
	"ends_on": TextCode, "reserved_until": TextCode, "wish_deadline": TextCode, "deadline": TextCode,
	"birth_date": TextCode, "week_start": TextCode, "request_key": TextCode, "kind": TextCode, "type": TextCode,
	"status": TextCode, "role": TextCode, "amount": TextCode, "seats": TextCode, "adults": TextCode,
}

// TextKindOf returns the kind of a form field or JSON key.
func TextKindOf(field string) TextKind {
	if k, ok := textFields[field]; ok {
		return k
	}
	if stem := strings.TrimRight(field, "0123456789"); stem != field {
		if k, ok := textFields[strings.TrimSuffix(stem, "_")]; ok {
			return k
		}
	}
	return TextLong
}

// CheckText refuses a text with a NUL character, or longer than its field
// allows.
func CheckText(field, value string) error {
	if strings.IndexByte(value, 0) >= 0 {
		return FieldError(field, "error.text.nul")
	}
	if k := TextKindOf(field); utf8.RuneCountInString(value) > k.Max {
		return FieldError(field, k.Message)
	}
	return nil
}

// CleanText removes the control characters a field may not hold: every one
// on a one-line field (a tab or line break pasted into a title), all but
// line breaks and tabs on a text. A password is kept as typed.
func CleanText(field, value string) string {
	k := TextKindOf(field)
	if k == TextSecret || !strings.ContainsFunc(value, unicode.IsControl) {
		return value
	}
	return strings.Map(func(r rune) rune {
		switch {
		case !unicode.IsControl(r):
			return r
		case k.Multiline && (r == '\n' || r == '\r' || r == '\t'):
			return r
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		}
		return -1
	}, value)
}

// DateWindowYears is how far ahead a date typed into a form may be: offers,
// sessions and calls are planned for the next school years, not for 9999.
const DateWindowYears = 3

// WithinDateWindow reports whether t is between 1 January 2000 and
// DateWindowYears after now.
func WithinDateWindow(t, now time.Time) bool {
	return !t.Before(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)) && !t.After(now.AddDate(DateWindowYears, 0, 0))
}
