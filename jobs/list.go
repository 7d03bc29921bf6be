package jobs

import (
	"context"
	"passerelle/app/domain"
	"time"
)

// Status describes a job for `jobs list`.
type Status struct {
	Name     string
	Schedule string // empty when disabled
	Last     *Run
	Next     time.Time // zero when disabled
}

// List returns every registered job with its schedule, last and next run.
func (s *Scheduler) List(ctx context.Context) ([]Status, error) {
	last, err := s.store.LastRuns(ctx)
	if err != nil {
		return nil, err
	}
	statuses := make([]Status, 0, len(s.jobs))
	for _, name := range s.Names() {
		st := Status{Name: name, Schedule: s.cfg.Schedules[name], Next: s.next(name)}
		if at, ok := s.instant(ctx, name); ok && (st.Next.IsZero() || at.Before(st.Next)) {
			st.Next = at
		}
		if run, ok := last[name]; ok {
			st.Last = &run
		}
		statuses = append(statuses, st)
	}
	return statuses, nil
}

// next computes the next run from the schedule, so that it is known even
// before the scheduler is started (as in `jobs list`).
func (s *Scheduler) next(name string) time.Time {
	id, ok := s.entries[name]
	if !ok {
		return time.Time{}
	}
	return s.cron.Entry(id).Schedule.Next(s.now().In(domain.Paris))
}

// instant is the job's own next instant, when it declares one.
func (s *Scheduler) instant(ctx context.Context, name string) (time.Time, bool) {
	next := s.jobs[name].Next
	if next == nil {
		return time.Time{}, false
	}
	at, ok, err := next(ctx, s.now())
	return at, ok && err == nil
}
