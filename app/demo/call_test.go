package demo

import (
	"testing"
	"time"
)

func TestProgressCall(t *testing.T) {
	forEachDay(t, func(t *testing.T, d *Dataset, today time.Time) {
		c := d.Calls[0]
		if c.Title != "PROGR'ESS 2024" || c.Theme != "Vie quotidienne" || c.Rules == "" ||
			c.Budget != 10_000_000 || c.MaxAward != 1_500_000 || c.Committed != 0 {
			t.Errorf("call %q, theme %q: budget %d, max %d, committed %d (cents)", c.Title, c.Theme, c.Budget, c.MaxAward, c.Committed)
		}
		if !c.IsOpen(today.Add(10*time.Hour)) || c.ClosesAt.Before(today.AddDate(0, 0, 21)) || c.ClosesAt.After(today.AddDate(0, 0, 60)) {
			t.Errorf("call open from %v to %v, want open today and for a few weeks", c.OpensAt, c.ClosesAt)
		}
		if paris := c.ClosesAt.In(today.Location()); paris.Hour() != 12 || paris.Minute() != 0 {
			t.Errorf("call closes at %v, want noon in Paris", paris)
		}
		total := 0
		for _, criterion := range c.Criteria {
			total += criterion.Weight
			if criterion.Key == "" || criterion.Label == "" || criterion.Weight <= 0 {
				t.Errorf("criterion %+v", criterion)
			}
		}
		if len(c.Criteria) != 6 || total != 100 || len(c.Axes) != 4 {
			t.Errorf("%d criteria weighing %d, %d axes: want 6 weighing 100 and the 4 axes", len(c.Criteria), total, len(c.Axes))
		}
	})
}
