package store_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"passerelle/jobs"
)

func TestLeaseLifecycle(t *testing.T) {
	ctx := context.Background()
	job, now := newID("lease"), monday
	steps := []struct {
		owner string
		at    time.Time
		want  bool
	}{
		{"a", now, true},                   // free
		{"b", now.Add(time.Minute), false}, // held by a until now+10m
		{"a", now.Add(time.Minute), true},  // a renews its own lease
		{"b", now.Add(time.Hour), true},    // a's lease expired
	}
	for i, s := range steps {
		got, err := testDB.AcquireLease(ctx, job, s.owner, s.at.Add(10*time.Minute), s.at)
		if err != nil || got != s.want {
			t.Fatalf("step %d: %s acquires: %v, %v; want %v", i, s.owner, got, err, s.want)
		}
	}
	if err := testDB.ReleaseLease(ctx, job, "b"); err != nil {
		t.Fatal(err)
	}
	if got, err := testDB.AcquireLease(ctx, job, "c", now.Add(2*time.Hour), now.Add(time.Hour)); err != nil || !got {
		t.Fatalf("released lease not acquired: %v, %v", got, err)
	}
}

func TestLeaseHasOneWinner(t *testing.T) {
	ctx := context.Background()
	job := newID("lease-race")
	var winners atomic.Int32
	var wg sync.WaitGroup
	for i := range 10 {
		owner := string(rune('a' + i))
		wg.Go(func() {
			won, err := testDB.AcquireLease(ctx, job, owner, monday.Add(time.Hour), monday)
			if err != nil {
				t.Error(err)
			}
			if won {
				winners.Add(1)
			}
		})
	}
	wg.Wait()
	if n := winners.Load(); n != 1 {
		t.Errorf("%d owners won the lease, want 1", n)
	}
}

func TestRecordRunKeepsTheLatest(t *testing.T) {
	ctx := context.Background()
	job := newID("job")
	for i, id := range []string{newID("run"), newID("run")} {
		run := jobs.Run{ID: id, Job: job, Owner: "test", StartedAt: day(i), FinishedAt: day(i).Add(time.Second)}
		if err := testDB.RecordRun(ctx, run); err != nil {
			t.Fatal(err)
		}
	}
	last, err := testDB.LastRuns(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if run, ok := last[job]; !ok || !run.StartedAt.Equal(day(1)) {
		t.Errorf("last run of %s = %+v, want the one started %v", job, run, day(1))
	}
}
