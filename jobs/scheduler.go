package jobs

import (
	"context"
	"crypto/rand"
	"fmt"
	"log/slog"
	"passerelle/app/domain"
	"slices"
	"sync"
	"time"

	"github.com/robfig/cron/v3"
)

// Scheduler runs registered jobs on their schedules.
type Scheduler struct {
	cron    *cron.Cron
	jobs    map[string]Job
	entries map[string]cron.EntryID
	cfg     Config
	store   Store
	logger  *slog.Logger
	owner   string
	running sync.WaitGroup
	now     func() time.Time
	instants
}

// New registers jobs; those with an empty schedule are known but never run
// on their own (they can still be run by hand).
func New(cfg Config, store Store, logger *slog.Logger, jobs ...Job) (*Scheduler, error) {
	s := &Scheduler{cron: cron.New(cron.WithLocation(domain.Paris)), jobs: map[string]Job{},
		entries: map[string]cron.EntryID{}, cfg: cfg, store: store, logger: logger,
		owner: rand.Text()[:12], now: time.Now, instants: newInstants()}
	for _, job := range jobs {
		if err := s.register(job); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func (s *Scheduler) register(job Job) error {
	s.jobs[job.Name] = job
	if job.Next != nil {
		s.wakes[job.Name] = make(chan struct{}, 1)
	}
	spec := s.cfg.Schedules[job.Name]
	if spec == "" {
		return nil
	}
	schedule, err := ParseSchedule(spec)
	if err != nil {
		return fmt.Errorf("job %s: schedule %q: %w", job.Name, spec, err)
	}
	s.entries[job.Name] = s.cron.Schedule(schedule, cron.FuncJob(func() { s.scheduled(job) }))
	return nil
}

// Start runs the schedule in the background.
func (s *Scheduler) Start() {
	s.cron.Start()
	s.watchAll()
}

// Stop stops scheduling and waits for runs in flight, at most until ctx ends.
func (s *Scheduler) Stop(ctx context.Context) {
	done := s.cron.Stop().Done()
	s.stopWatching()
	select {
	case <-done:
	case <-ctx.Done():
	}
	s.running.Wait()
}

// Names lists the registered jobs in alphabetical order.
func (s *Scheduler) Names() []string {
	names := make([]string, 0, len(s.jobs))
	for name := range s.jobs {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}
