package domain_test

import (
	"testing"
	"time"

	"passerelle/app/domain"
)

func parisDay(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, domain.Paris)
}

func TestSetWeeksNormalisesAndDerivesTheDates(t *testing.T) {
	o := validOffer()
	// A Wednesday, a Monday and a Sunday: each stands for its week.
	o.SetWeeks([]time.Time{parisDay(2027, 1, 27), parisDay(2026, 12, 7), parisDay(2026, 12, 20)})
	want := []time.Time{parisDay(2026, 12, 7), parisDay(2026, 12, 14), parisDay(2027, 1, 25)}
	if len(o.Weeks) != len(want) {
		t.Fatalf("weeks %v, want %v", o.Weeks, want)
	}
	for i := range want {
		if !o.Weeks[i].Equal(want[i]) {
			t.Errorf("week %d is %v, want %v", i, o.Weeks[i], want[i])
		}
	}
	if !o.StartDate.Equal(want[0]) || !o.EndDate.Equal(parisDay(2027, 1, 29)) {
		t.Errorf("dates %v – %v, want the first Monday and the last Friday", o.StartDate, o.EndDate)
	}
	kept := validOffer()
	start := kept.StartDate
	kept.SetWeeks(nil)
	if kept.Weeks != nil || !kept.StartDate.Equal(start) {
		t.Errorf("without weeks the dates change: %+v", kept)
	}
}

func TestValidateOfferWeeks(t *testing.T) {
	tooMany := make([]time.Time, domain.OfferWeeksMax+1)
	for i := range tooMany {
		tooMany[i] = parisDay(2026, 12, 7).AddDate(0, 0, 7*i)
	}
	cases := []struct {
		name, key string
		weeks     []time.Time
	}{
		{"three weeks", "", []time.Time{parisDay(2026, 12, 7), parisDay(2026, 12, 14), parisDay(2027, 1, 25)}},
		{"the current week, still on", "", []time.Time{parisDay(2026, 11, 25)}},
		{"the maximum", "", tooMany[:domain.OfferWeeksMax]},
		{"two days of one week", "error.offer.weeks_duplicate", []time.Time{parisDay(2026, 12, 7), parisDay(2026, 12, 9)}},
		{"a week over", "error.offer.weeks_past", []time.Time{parisDay(2026, 11, 16), parisDay(2026, 12, 7)}},
		{"too many weeks", "error.offer.weeks_count", tooMany},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := validOffer()
			o.SetWeeks(c.weeks)
			checkFieldError(t, domain.ValidateOffer(&o, knownPlaces, now), "weeks", c.key)
		})
	}
}
