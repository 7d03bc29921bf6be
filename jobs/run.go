package jobs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
)

// ErrUnknownJob is returned by RunNow for a name that no job has.
var ErrUnknownJob = errors.New("unknown job")

// ErrLeaseHeld means another process is running the job now.
var ErrLeaseHeld = errors.New("job already running elsewhere")

func (s *Scheduler) scheduled(job Job) {
	_, err := s.runLeased(context.Background(), job, RunOptions{})
	if err != nil && !errors.Is(err, ErrLeaseHeld) {
		s.logger.Error("job failed", slog.String("job", job.Name), slog.Any("error", err))
	}
}

// RunNow runs a job at once, under the same lease as scheduled runs.
func (s *Scheduler) RunNow(ctx context.Context, name string, opts RunOptions) (Run, error) {
	job, ok := s.jobs[name]
	if !ok {
		return Run{}, fmt.Errorf("%w %q", ErrUnknownJob, name)
	}
	return s.runLeased(ctx, job, opts)
}

func (s *Scheduler) runLeased(ctx context.Context, job Job, opts RunOptions) (Run, error) {
	s.running.Add(1)
	defer s.running.Done()
	now := s.now()
	ok, err := s.store.AcquireLease(ctx, job.Name, s.owner, now.Add(s.cfg.LeaseTTL), now)
	if err != nil {
		return Run{}, err
	}
	if !ok {
		return Run{}, ErrLeaseHeld
	}
	defer func() { _ = s.store.ReleaseLease(context.WithoutCancel(ctx), job.Name, s.owner) }()
	defer s.wake(job.Name) // the run may have moved the job's next instant
	run := s.execute(ctx, job, opts)
	if opts.DryRun {
		return run, nil
	}
	return run, s.store.RecordRun(context.WithoutCancel(ctx), run)
}

// execute runs the job, turning a panic into an error so one faulty job
// cannot stop the scheduler, and logs the outcome.
func (s *Scheduler) execute(ctx context.Context, job Job, opts RunOptions) (run Run) {
	run = Run{ID: job.Name + "-" + s.now().UTC().Format("20060102T150405.000000000"), Job: job.Name,
		Owner: s.owner, StartedAt: s.now()}
	defer func() {
		if p := recover(); p != nil {
			run.Error = fmt.Sprintf("panic: %v", p)
			s.logger.Error("job panicked", slog.String("job", job.Name), slog.String("stack", string(debug.Stack())))
		}
		run.FinishedAt = s.now()
		s.logRun(run)
	}()
	report, err := job.Run(ctx, opts)
	run.Report = report
	if err != nil {
		run.Error = err.Error()
	}
	return run
}

func (s *Scheduler) logRun(run Run) {
	level := slog.LevelInfo
	if run.Error != "" {
		level = slog.LevelError
	}
	s.logger.Log(context.Background(), level, "job run", slog.String("job", run.Job),
		slog.Int("items", run.Report.Items), slog.Int("errors", run.Report.Errors),
		slog.String("summary", run.Report.Summary), slog.Duration("duration", run.FinishedAt.Sub(run.StartedAt)),
		slog.String("error", run.Error))
}
