package demo

import (
	"time"

	"passerelle/app/refdata"
)

// pick returns a random element of list.
func pick[T any](g *generator, list []T) T {
	return list[g.rng.IntN(len(list))]
}

// between returns a random integer in [lo, hi].
func (g *generator) between(lo, hi int) int {
	return lo + g.rng.IntN(hi-lo+1)
}

// chance reports true with probability p.
func (g *generator) chance(p float64) bool {
	return g.rng.Float64() < p
}

// commune picks a commune, the more populous the likelier, as youths and
// employers are.
func (g *generator) commune() refdata.Commune {
	communes := refdata.Communes()
	total := 0
	for _, c := range communes {
		total += c.Population
	}
	n := g.rng.IntN(total)
	for _, c := range communes {
		if n < c.Population {
			return c
		}
		n -= c.Population
	}
	return communes[len(communes)-1]
}

// near returns a point within about 600 m of the commune's town hall.
func (g *generator) near(c refdata.Commune) (lat, lng float64) {
	return c.Lat + (g.rng.Float64()-0.5)*0.011, c.Lng + (g.rng.Float64()-0.5)*0.016
}

// daysAgo returns an instant during the working day, n days before today.
func (g *generator) daysAgo(n int) time.Time {
	return g.today.AddDate(0, 0, -n).Add(time.Duration(g.between(8*60, 18*60)) * time.Minute)
}

// mondayIn returns the Monday of the week that is weeks weeks from today.
func (g *generator) mondayIn(weeks int) time.Time {
	day := g.today.AddDate(0, 0, 7*weeks)
	return day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
}

// firstOfMonthIn returns the first day of the month that is months months ahead.
func (g *generator) firstOfMonthIn(months int) time.Time {
	return time.Date(g.today.Year(), g.today.Month()+time.Month(months), 1, 0, 0, 0, 0, g.paris)
}

// at returns the instant of a day at hour:minute, Paris time, whatever the
// daylight-saving changes in between.
func (g *generator) at(day time.Time, hour, minute int) time.Time {
	return time.Date(day.Year(), day.Month(), day.Day(), hour, minute, 0, 0, g.paris)
}
