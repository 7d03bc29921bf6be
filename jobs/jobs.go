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
}
