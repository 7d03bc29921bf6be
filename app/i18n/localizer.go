package i18n

import (
	"time"

	"passerelle/app/domain"
	"passerelle/matching"
)

// Localizer gives templates (pages and emails) the texts and formats of one
// locale.
type Localizer struct {
	catalog Catalog
	locale  string
}

// For returns the localizer of a locale, the default one when unsupported.
func (c Catalog) For(locale string) Localizer {
	return Localizer{catalog: c, locale: Supported(locale)}
}

func (l Localizer) Locale() string                   { return l.locale }
func (l Localizer) T(key string, args ...any) string { return l.catalog.T(l.locale, key, args...) }
func (l Localizer) Date(t time.Time) string          { return Date(l.locale, t) }
func (l Localizer) DateTime(t time.Time) string      { return DateTime(l.locale, t) }
func (l Localizer) Number(n int) string              { return Number(l.locale, int64(n)) }
func (l Localizer) Money(m domain.Money) string      { return Money(l.locale, int64(m)) }
func (l Localizer) Decimal(x float64) string         { return Decimal(l.locale, x) }

// Quote puts s between the language's quotation marks.
func (l Localizer) Quote(s string) string {
	if l.locale == "fr" {
		return "« " + s + " »"
	}
	return "“" + s + "”"
}

// Colon is the colon that introduces a value, spaced as the language
// writes it: « Offre : Léa » in French, "Offer: Léa" in English.
func (l Localizer) Colon() string {
	if l.locale == "fr" {
		return " : "
	}
	return ": "
}

// Reason words a reason of a recommendation or a suggested candidate.
func (l Localizer) Reason(r matching.Reason) string { return l.T("reason."+r.Key, r.Args...) }

// Plural is the message key+".one" or key+".other" as n asks in the
// locale (French says « 0 place libre », English "0 places free"),
// formatted with n as a number, then args.
func (l Localizer) Plural(key string, n int, args ...any) string {
	form := ".other"
	if n == 1 || (n == 0 && l.locale == "fr") {
		form = ".one"
	}
	return l.T(key+form, append([]any{l.Number(n)}, args...)...)
}

// Day formats a day kept as text ("2026-09-14", as forms send it) like
// Date; text that is no such day comes back as it is.
func (l Localizer) Day(day string) string {
	t, err := time.ParseInLocation(time.DateOnly, day, domain.Paris)
	if err != nil {
		return day
	}
	return l.Date(t)
}
