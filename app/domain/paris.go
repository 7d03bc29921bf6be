package domain

import (
	"time"
	_ "time/tzdata" // calls are dated in Europe/Paris on any machine
)

// Paris is the time zone of every deadline.
var Paris = mustLoadParis()

func mustLoadParis() *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		panic("domain: time zone Europe/Paris: " + err.Error()) // embedded by time/tzdata
	}
	return loc
}

// ParisInstant reads a wall-clock time of Paris ("2006-01-02T15:04", as an
// HTML datetime-local field sends it). A time skipped when clocks go forward
// does not exist and is refused; a time repeated when they go back is read as
// its first occurrence, the earlier instant, so a deadline is never later
// than what staff typed.
func ParisInstant(field, value string) (time.Time, error) {
	wall, err := time.Parse("2006-01-02T15:04", value)
	if err != nil {
		return time.Time{}, FieldError(field, "error.call.instant_format")
	}
	t := time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), 0, 0, Paris)
	if !sameWallClock(t, wall) {
		return time.Time{}, FieldError(field, "error.call.instant_skipped")
	}
	if earlier := t.Add(-time.Hour); sameWallClock(earlier, wall) {
		return earlier, nil
	}
	return t, nil
}

func sameWallClock(t, wall time.Time) bool {
	t = t.In(Paris)
	return t.Year() == wall.Year() && t.YearDay() == wall.YearDay() && t.Hour() == wall.Hour() && t.Minute() == wall.Minute()
}
