package domain

import (
	"sort"
	"time"
)

// OfferWeeksMax bounds the weeks an offer lists: a 3e observation internship
// is given for the weeks schools fix, a handful a year, and twenty already
// cover every school-year zone.
const OfferWeeksMax = 20

// WeekMonday returns the Monday, at midnight in Paris, of the ISO week t
// falls in: an employer may give any day of the week they mean.
func WeekMonday(t time.Time) time.Time {
	t = t.In(Paris)
	back := (int(t.Weekday()) + 6) % 7 // days since Monday
	return time.Date(t.Year(), t.Month(), t.Day()-back, 0, 0, 0, 0, Paris)
}

// WeekFriday returns the Friday of the week that starts on monday: the last
// working day of an internship week.
func WeekFriday(monday time.Time) time.Time {
	m := monday.In(Paris)
	return time.Date(m.Year(), m.Month(), m.Day()+4, 0, 0, 0, 0, Paris)
}

// NormaliseWeeks moves each date to its week's Monday and sorts them. It keeps
// duplicates, so that the rules can tell the employer two dates fall in one week.
func NormaliseWeeks(dates []time.Time) []time.Time {
	if len(dates) == 0 {
		return nil
	}
	weeks := make([]time.Time, len(dates))
	for i, d := range dates {
		weeks[i] = WeekMonday(d)
	}
	sort.Slice(weeks, func(i, j int) bool { return weeks[i].Before(weeks[j]) })
	return weeks
}

// SetWeeks gives an offer its weeks, normalised, and derives its dates from
// them: the first Monday and the last Friday, so that everything reading the
// start and end dates (search window, expiry, applications) works unchanged.
// Without weeks the offer keeps the dates it was given.
func (o *Offer) SetWeeks(dates []time.Time) {
	o.Weeks = NormaliseWeeks(dates)
	if len(o.Weeks) > 0 {
		o.StartDate, o.EndDate = o.Weeks[0], WeekFriday(o.Weeks[len(o.Weeks)-1])
	}
}

// validateWeeks checks the weeks SetWeeks normalised: not too many, each once,
// none already over on day now.
func validateWeeks(o *Offer, now time.Time) error {
	if len(o.Weeks) > OfferWeeksMax {
		return FieldError("weeks", "error.offer.weeks_count")
	}
	for i, w := range o.Weeks {
		if i > 0 && w.Equal(o.Weeks[i-1]) {
			return FieldError("weeks", "error.offer.weeks_duplicate")
		}
		if WeekFriday(w).Before(now) { // over, by the rule of an offer's end date
			return FieldError("weeks", "error.offer.weeks_past")
		}
	}
	return nil
}
