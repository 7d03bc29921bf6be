package jobs

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// instants runs the jobs that declare a Next instant at that instant, beside
// their cron schedule, which stays as the catch-up when the process was down.
type instants struct {
	wakes    map[string]chan struct{} // one per job with Next: ask it again now
	stop     chan struct{}
	stopOnce sync.Once
	watchers sync.WaitGroup
}

func newInstants() instants {
	return instants{wakes: map[string]chan struct{}{}, stop: make(chan struct{})}
}

func (s *Scheduler) watchAll() {
	for name := range s.wakes {
		s.watchers.Add(1)
		go s.watch(s.jobs[name])
	}
}

func (s *Scheduler) stopWatching() {
	s.stopOnce.Do(func() { close(s.stop) })
	s.watchers.Wait()
}

// wake makes the watcher of a job with Next ask it again, without waiting.
func (s *Scheduler) wake(name string) {
	select {
	case s.wakes[name] <- struct{}{}:
	default: // a wake-up is already pending, or the job has no Next
	}
}

// watch arms a timer for the job's next instant, or for the next recheck if
// that comes first, until the scheduler stops.
func (s *Scheduler) watch(job Job) {
	defer s.watchers.Done()
	var fired time.Time
	for {
		at, due := s.nextInstant(job, fired)
		timer := time.NewTimer(at.Sub(s.now()))
		select {
		case <-s.stop:
			timer.Stop()
			return
		case <-s.wakes[job.Name]:
			timer.Stop()
		case <-timer.C:
			fired = time.Time{}
			if due {
				fired = at
				s.scheduled(job)
			}
		}
	}
}

// nextInstant is when the watcher wakes up and whether the job runs then.
// An instant that a run already served and that did not move (the run
// failed, or another process holds the lease) is tried again after a
// recheck period, not in a loop.
func (s *Scheduler) nextInstant(job Job, fired time.Time) (time.Time, bool) {
	now := s.now()
	recheck := now.Add(s.recheck())
	at, ok, err := job.Next(context.Background(), now)
	if err != nil {
		s.logger.Error("job next instant", slog.String("job", job.Name), slog.Any("error", err))
		return recheck, false
	}
	if !ok || at.After(recheck) || at.Equal(fired) {
		return recheck, false
	}
	return at, true
}

func (s *Scheduler) recheck() time.Duration {
	if s.cfg.Recheck > 0 {
		return s.cfg.Recheck
	}
	return time.Minute
}
