// Package jobs runs the platform's scheduled tasks with robfig/cron in
// Europe/Paris time. Each run takes a lease in the database so that, with
// several application processes, a scheduled run happens once.
package jobs

import (
	"context"
	"time"
)

// Job is one scheduled task.
type Job struct {
	Name string
	Run  func(ctx context.Context, opts RunOptions) (Report, error)
	// Next, when set, gives the next instant the job must run at (ok false:
	// none known), for deadlines that a cron schedule would miss by up to
	// its period, such as a call for projects closing at 12:00:00. The
	// scheduler arms a timer for it and asks again after every run and
	// every Config.Recheck; an instant already past runs at once.
	Next func(ctx context.Context, now time.Time) (at time.Time, ok bool, err error)
}

// RunOptions change how a run behaves.
type RunOptions struct {
	// DryRun reports what the job would do and changes nothing.
	DryRun bool
}

// Report is what a run did, for the logs, the metrics and `jobs list`.
type Report struct {
	Items   int    `bson:"items"`
	Errors  int    `bson:"errors"`
	Summary string `bson:"summary"`
}

// Run is the record of one run of a job.
type Run struct {
	ID         string    `bson:"_id"`
	Job        string    `bson:"job"`
	Owner      string    `bson:"owner"`
	StartedAt  time.Time `bson:"started_at"`
	FinishedAt time.Time `bson:"finished_at"`
	Report     Report    `bson:"report"`
	Error      string    `bson:"error,omitempty"`
}

// Store keeps leases and run records.
type Store interface {
	AcquireLease(ctx context.Context, name, owner string, until, now time.Time) (bool, error)
	ReleaseLease(ctx context.Context, name, owner string) error
	RecordRun(ctx context.Context, run Run) error
	LastRuns(ctx context.Context) (map[string]Run, error)
}

// Config gives each job's cron expression (empty disables it) and the lease
// duration, longer than any run.
type Config struct {
	Schedules map[string]string
	LeaseTTL  time.Duration
	// Recheck is how often a job's Next is asked again, in case its instant
	// moved (a call created or extended); one minute when zero.
	Recheck time.Duration
}
