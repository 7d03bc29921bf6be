package i18n_test

import (
	"passerelle/app/domain"
	"testing"
	"time"

	"passerelle/app/i18n"
)

func TestDateSpan(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, domain.Paris) }
	cases := []struct {
		locale, from, to string
		start, end       time.Time
	}{
		{"fr", "7", "11 décembre 2026", day(2026, 12, 7), day(2026, 12, 11)},
		{"fr", "1er", "5 mars 2027", day(2027, 3, 1), day(2027, 3, 5)},
		{"fr", "30 novembre", "4 décembre 2026", day(2026, 11, 30), day(2026, 12, 4)},
		{"fr", "28 décembre 2026", "1er janvier 2027", day(2026, 12, 28), day(2027, 1, 1)},
		{"en", "December 7", "11, 2026", day(2026, 12, 7), day(2026, 12, 11)},
		{"en", "November 30", "December 4, 2026", day(2026, 11, 30), day(2026, 12, 4)},
	}
	for _, c := range cases {
		if from, to := i18n.DateSpan(c.locale, c.start, c.end); from != c.from || to != c.to {
			t.Errorf("%s %v: %q – %q, want %q – %q", c.locale, c.start, from, to, c.from, c.to)
		}
	}
}
