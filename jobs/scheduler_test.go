package jobs_test

import (
	"context"
	"errors"
	"log/slog"
	"passerelle/app/domain"
	"strings"
	"testing"
	"time"

	"passerelle/app/store/storetest"
	"passerelle/jobs"
)

func newScheduler(t *testing.T, store jobs.Store, list ...jobs.Job) *jobs.Scheduler {
	t.Helper()
	s, err := jobs.New(jobs.Config{Schedules: map[string]string{"counted": "0 8 * * MON"}, LeaseTTL: time.Minute},
		store, slog.New(slog.DiscardHandler), list...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func counted(items int) jobs.Job {
	return jobs.Job{Name: "counted", Run: func(context.Context, jobs.RunOptions) (jobs.Report, error) {
		return jobs.Report{Items: items, Summary: "fait"}, nil
	}}
}

func TestRunNowRecordsTheRunAndListShowsIt(t *testing.T) {
	db := storetest.Open(t)
	s := newScheduler(t, db, counted(3), jobs.Job{Name: "manual", Run: counted(0).Run})
	if _, err := s.RunNow(t.Context(), "counted", jobs.RunOptions{}); err != nil {
		t.Fatal(err)
	}
	list, err := s.List(t.Context())
	if err != nil || len(list) != 2 {
		t.Fatalf("list: %v %v", list, err)
	}
	c, manual := list[0], list[1]
	if c.Name != "counted" || c.Last == nil || c.Last.Report.Items != 3 || c.Next.IsZero() ||
		c.Next.In(domain.Paris).Weekday() != time.Monday {
		t.Fatalf("counted: %+v", c)
	}
	if manual.Schedule != "" || !manual.Next.IsZero() || manual.Last != nil {
		t.Fatalf("a job without schedule is disabled: %+v", manual)
	}
}

func TestDryRunIsNotRecorded(t *testing.T) {
	db := storetest.Open(t)
	var dry bool
	s := newScheduler(t, db, jobs.Job{Name: "counted", Run: func(_ context.Context, o jobs.RunOptions) (jobs.Report, error) {
		dry = o.DryRun
		return jobs.Report{}, nil
	}})
	if _, err := s.RunNow(t.Context(), "counted", jobs.RunOptions{DryRun: true}); err != nil || !dry {
		t.Fatalf("dry run: %v %v", dry, err)
	}
	if last, _ := db.LastRuns(t.Context()); len(last) != 0 {
		t.Fatalf("a dry run was recorded: %v", last)
	}
}

// Two scheduler instances (two app processes) never run one job at once.
func TestSecondInstanceFindsTheLeaseHeld(t *testing.T) {
	db := storetest.Open(t)
	started, release := make(chan struct{}), make(chan struct{})
	slow := jobs.Job{Name: "counted", Run: func(context.Context, jobs.RunOptions) (jobs.Report, error) {
		close(started)
		<-release
		return jobs.Report{Items: 1}, nil
	}}
	a, b := newScheduler(t, db, slow), newScheduler(t, db, counted(1))
	done := make(chan error)
	go func() { _, err := a.RunNow(context.Background(), "counted", jobs.RunOptions{}); done <- err }()
	<-started
	if _, err := b.RunNow(t.Context(), "counted", jobs.RunOptions{}); !errors.Is(err, jobs.ErrLeaseHeld) {
		t.Fatalf("second instance: %v, want ErrLeaseHeld", err)
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, err := b.RunNow(t.Context(), "counted", jobs.RunOptions{}); err != nil {
		t.Fatalf("after release: %v", err)
	}
}

func TestPanickingJobIsRecordedAsFailed(t *testing.T) {
	db := storetest.Open(t)
	s := newScheduler(t, db, jobs.Job{Name: "counted", Run: func(context.Context, jobs.RunOptions) (jobs.Report, error) {
		panic("boum")
	}})
	run, err := s.RunNow(t.Context(), "counted", jobs.RunOptions{})
	if err != nil || !strings.Contains(run.Error, "boum") {
		t.Fatalf("run %+v, err %v", run, err)
	}
	if _, err := s.RunNow(t.Context(), "counted", jobs.RunOptions{}); errors.Is(err, jobs.ErrLeaseHeld) {
		t.Fatal("a panic left the lease held")
	}
}

func TestUnknownJobAndBadSchedule(t *testing.T) {
	db := storetest.Open(t)
	s := newScheduler(t, db, counted(1))
	if _, err := s.RunNow(t.Context(), "nope", jobs.RunOptions{}); !errors.Is(err, jobs.ErrUnknownJob) {
		t.Fatalf("unknown job: %v", err)
	}
	_, err := jobs.New(jobs.Config{Schedules: map[string]string{"counted": "every day"}}, db, slog.New(slog.DiscardHandler), counted(1))
	if err == nil {
		t.Fatal("a bad cron expression was accepted")
	}
}
