package jobs_test

import (
	"context"
	"log/slog"
	"sync"
	"testing"
	"time"

	"passerelle/app/store/storetest"
	"passerelle/jobs"
)

// deadline is a job due at an instant that tests move, as a call's closing.
type deadline struct {
	mu   sync.Mutex
	at   time.Time // zero: no instant known
	runs chan time.Time
}

func (d *deadline) set(at time.Time) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.at = at
}

func (d *deadline) job() jobs.Job {
	return jobs.Job{Name: "closing",
		Next: func(context.Context, time.Time) (time.Time, bool, error) {
			d.mu.Lock()
			defer d.mu.Unlock()
			return d.at, !d.at.IsZero(), nil
		},
		Run: func(context.Context, jobs.RunOptions) (jobs.Report, error) {
			d.mu.Lock()
			served := d.at
			d.at = time.Time{} // closed: nothing more is due
			d.mu.Unlock()
			d.runs <- time.Now()
			return jobs.Report{Items: 1, Summary: "clos " + served.Format(time.RFC3339Nano)}, nil
		}}
}

func startDeadline(t *testing.T, recheck time.Duration, at time.Time) (*deadline, *jobs.Scheduler) {
	t.Helper()
	db := storetest.Open(t)
	d := &deadline{at: at, runs: make(chan time.Time, 10)}
	s, err := jobs.New(jobs.Config{Schedules: map[string]string{}, LeaseTTL: time.Minute, Recheck: recheck},
		db, slog.New(slog.DiscardHandler), d.job())
	if err != nil {
		t.Fatal(err)
	}
	s.Start()
	t.Cleanup(func() { s.Stop(context.Background()) })
	return d, s
}

func waitRun(t *testing.T, d *deadline) time.Time {
	t.Helper()
	select {
	case at := <-d.runs:
		return at
	case <-time.After(10 * time.Second):
		t.Fatal("the job did not run at its instant")
	}
	return time.Time{}
}

// The job runs at its instant, not before, under a recorded run, and once.
func TestJobRunsAtItsNextInstant(t *testing.T) {
	at := time.Now().Add(200 * time.Millisecond)
	d, s := startDeadline(t, time.Hour, at)
	if ran := waitRun(t, d); ran.Before(at) {
		t.Fatalf("ran at %v, before its instant %v", ran, at)
	}
	select {
	case <-d.runs:
		t.Fatal("the instant ran twice")
	case <-time.After(300 * time.Millisecond):
	}
	list, err := s.List(t.Context())
	if err != nil || list[0].Last == nil || list[0].Last.Report.Items != 1 {
		t.Fatalf("the run was not recorded: %+v %v", list, err)
	}
}

// An instant that appears after Start (a new call) is found at the next
// recheck; one already past (the process was down) runs at once.
func TestInstantSetLaterOrPastIsCaughtAtTheRecheck(t *testing.T) {
	d, _ := startDeadline(t, 50*time.Millisecond, time.Time{})
	d.set(time.Now().Add(200 * time.Millisecond))
	waitRun(t, d)
	d.set(time.Now().Add(-time.Hour))
	waitRun(t, d)
}

// A run that does not move the instant (it failed) is retried each recheck,
// not in a tight loop.
func TestUnservedInstantIsRetriedAtTheRecheck(t *testing.T) {
	db := storetest.Open(t)
	runs := make(chan struct{}, 100)
	past := time.Now().Add(-time.Minute)
	failing := jobs.Job{Name: "closing",
		Next: func(context.Context, time.Time) (time.Time, bool, error) { return past, true, nil },
		Run: func(context.Context, jobs.RunOptions) (jobs.Report, error) {
			runs <- struct{}{}
			return jobs.Report{Errors: 1}, nil
		}}
	s, err := jobs.New(jobs.Config{LeaseTTL: time.Minute, Recheck: 100 * time.Millisecond}, db,
		slog.New(slog.DiscardHandler), failing)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	s.Start()
	defer s.Stop(context.Background())
	for range 3 {
		select {
		case <-runs:
		case <-time.After(10 * time.Second):
			t.Fatal("the failed instant was not retried")
		}
	}
	if elapsed := time.Since(start); elapsed < 200*time.Millisecond {
		t.Fatalf("three runs in %v: retried without waiting for the recheck", elapsed)
	}
}

// `jobs list` shows the job's instant when it comes before its cron run.
func TestListShowsTheNextInstant(t *testing.T) {
	at := time.Now().Add(time.Hour).Truncate(time.Second)
	_, s := startDeadline(t, time.Hour, at)
	if list, err := s.List(t.Context()); err != nil || !list[0].Next.Equal(at) {
		t.Fatalf("jobs list does not show the instant: %+v %v", list, err)
	}
}
