package jobs

import (
	"passerelle/app/domain"
	"time"

	"github.com/robfig/cron/v3"
)

// ParseSchedule reads a standard five-field cron expression as Paris wall
// clock times. Unlike cron's own schedule, a time that happens twice when
// clocks go back runs once, and a time skipped when clocks go forward runs
// just after the gap, as people expect of "every night at 02:30".
func ParseSchedule(spec string) (cron.Schedule, error) {
	inner, err := cron.ParseStandard(spec)
	if err != nil {
		return nil, err
	}
	return wallClock{inner}, nil
}

// wallClock evaluates its schedule on the Paris wall clock, where days are
// always 24 hours long, then maps the result back to an instant.
type wallClock struct{ inner cron.Schedule }

func (w wallClock) Next(t time.Time) time.Time {
	wall := asWall(t)
	for {
		wall = w.inner.Next(wall)
		if wall.IsZero() {
			return time.Time{}
		}
		// time.Date resolves a skipped wall time to just after the gap, and a
		// repeated one to its first occurrence.
		next := time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), wall.Second(), 0, domain.Paris)
		if next.After(t) {
			return next
		}
	}
}

// asWall returns the Paris wall clock reading of t as a UTC time.
func asWall(t time.Time) time.Time {
	p := t.In(domain.Paris)
	return time.Date(p.Year(), p.Month(), p.Day(), p.Hour(), p.Minute(), p.Second(), p.Nanosecond(), time.UTC)
}
