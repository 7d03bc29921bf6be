package web

import (
	"strings"
	"time"

	"passerelle/app/domain"
	"passerelle/app/i18n"
	"passerelle/app/refdata"
)

// localizer gives page templates the texts and formats of the request's
// locale, and the names of the platform's reference data.
type localizer struct{ i18n.Localizer }

// Commune returns the name of a commune of the 92 from its INSEE code.
func (l localizer) Commune(code string) string { return communeName(code) }

// communeName is the name of the commune of INSEE code code, or code itself.
func communeName(code string) string {
	if c, ok := refdata.CommuneByCode(code); ok {
		return c.Name
	}
	return code
}

// communeCode is the INSEE code of the commune a form names, by its name
// or its code; anything else comes back as typed, for the rules to refuse.
func communeCode(typed string) string {
	if c, ok := refdata.CommuneByName(typed); ok {
		return c.Code
	}
	return strings.TrimSpace(typed)
}

// OfferType returns the label of an offer type.
func (l localizer) OfferType(t domain.OfferType) string { return l.T("offer.type." + string(t)) }

// Tension returns the label of a métiers-en-tension family.
func (l localizer) Tension(family string) string { return l.T("tension." + family) }

// Ages describes who may apply: "de 14 à 15 ans", "à partir de 16 ans".
func (l localizer) Ages(min, max int) string {
	if max >= domain.MaxYouthAge {
		return l.T("offer.ages_from", min)
	}
	return l.T("offer.ages_range", min, max)
}

// Weeks lists an offer's weeks, Monday to Friday: "du 7 au 11 décembre 2026,
// du 14 au 18 décembre 2026".
func (l localizer) Weeks(mondays []time.Time) string {
	spans := make([]string, len(mondays))
	for i, m := range mondays {
		from, to := i18n.DateSpan(l.Locale(), m, domain.WeekFriday(m))
		spans[i] = l.T("offer.from_to", from, to)
	}
	return strings.Join(spans, ", ")
}
