package i18n

import (
	"time"

	"passerelle/app/domain"
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
