package jobs_test

import (
	"passerelle/app/domain"
	"testing"
	"time"

	"passerelle/jobs"
)

func paris(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, domain.Paris)
}

// nextRuns lists the next n runs of spec after from, in Paris time.
func nextRuns(t *testing.T, spec string, from time.Time, n int) []time.Time {
	t.Helper()
	s, err := jobs.ParseSchedule(spec)
	if err != nil {
		t.Fatal(err)
	}
	var runs []time.Time
	for at := from; len(runs) < n; {
		at = s.Next(at)
		runs = append(runs, at)
	}
	return runs
}

// A weekly digest stays at 8:00 in Paris on both sides of a clock change.
func TestWeeklyScheduleKeepsLocalTimeAcrossDST(t *testing.T) {
	runs := nextRuns(t, "0 8 * * MON", paris(2027, 3, 20, 0, 0), 2)
	want := []time.Time{paris(2027, 3, 22, 8, 0), paris(2027, 3, 29, 8, 0)}
	for i := range want {
		if !runs[i].Equal(want[i]) || runs[i].In(domain.Paris).Hour() != 8 {
			t.Errorf("run %d = %v, want %v", i, runs[i], want[i])
		}
	}
	if got := runs[1].Sub(runs[0]); got != 7*24*time.Hour-time.Hour {
		t.Errorf("the week of the spring change lasts %v, want 167h", got)
	}
}

// A nightly job at 02:30 runs once on the autumn night when 02:30 happens
// twice, and once on the spring night when it does not happen at all.
func TestNightlyScheduleRunsOncePerNightAcrossDST(t *testing.T) {
	for _, c := range []struct {
		name string
		from time.Time
	}{
		{"autumn", paris(2027, 10, 30, 12, 0)},
		{"spring", paris(2027, 3, 27, 12, 0)},
	} {
		runs := nextRuns(t, "30 2 * * *", c.from, 3)
		for i := 1; i < len(runs); i++ {
			if runs[i].In(domain.Paris).YearDay() == runs[i-1].In(domain.Paris).YearDay() {
				t.Errorf("%s: two runs on one night: %v and %v", c.name, runs[i-1], runs[i])
			}
		}
		if first := runs[0].In(domain.Paris); first.Day() != c.from.Day()+1 {
			t.Errorf("%s: the night of the change was skipped: first run %v", c.name, first)
		}
	}
}
