// Package retention deletes personal data at the end of its retention
// period, for the nightly "retention" job: the CVs of closed applications,
// inactive accounts (anonymised after a warning) and the bodies of sent
// emails. Every step counts what it did, and a dry run only counts.
package retention

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"passerelle/app/domain"
	"passerelle/app/notify"
	"passerelle/jobs"
)

// Store is what retention reads and deletes.
type Store interface {
	ClosedApplicationsWithCV(ctx context.Context, statuses []domain.ApplicationStatus, before time.Time) ([]domain.Application, error)
	ClearApplicationCV(ctx context.Context, id, fileID string) error
	ApplicationsWithMessagesBefore(ctx context.Context, t time.Time) ([]string, error)
	ClosedApplications(ctx context.Context, ids []string, statuses []domain.ApplicationStatus, before time.Time) ([]domain.Application, error)
	CountMessagesOfApplications(ctx context.Context, ids []string) (int64, error)
	DeleteMessagesOfApplications(ctx context.Context, ids []string) (int64, error)
	DeleteFile(ctx context.Context, id string) error
	LiveUsers(ctx context.Context) ([]domain.User, error)
	MarkInactivityWarned(ctx context.Context, userID string, at time.Time) error
	StaleNotificationBodies(ctx context.Context, before time.Time) ([]string, error)
	DeleteNotificationBodies(ctx context.Context, ids []string) (int64, error)
}

// Accounts anonymises an account as its holder's own deletion does.
type Accounts interface {
	AnonymiseInactive(ctx context.Context, user *domain.User, why string) error
}

// Config gives the retention periods, as [retention] in config.toml.
type Config struct {
	CVDays           int
	InactiveYears    int
	NotificationDays int
	// Now is the clock, time.Now when nil; tests move it.
	Now func() time.Time
}

// warningAhead is how long before anonymisation the holder is warned.
const warningAhead = 30 * 24 * time.Hour

// Service applies the retention periods.
type Service struct {
	store    Store
	accounts Accounts
	notify   *notify.Service
	cfg      Config
	logger   *slog.Logger
	now      func() time.Time
}

// New returns the service.
func New(st Store, accounts Accounts, n *notify.Service, cfg Config, logger *slog.Logger) *Service {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Service{store: st, accounts: accounts, notify: n, cfg: cfg, logger: logger, now: cfg.Now}
}

// Counts is what one run did, or would do in a dry run.
type Counts struct {
	CVs, Messages, Warned, Anonymised, Bodies int
	Failed                                    int
}

func (c Counts) String() string {
	return fmt.Sprintf("%d CV supprimés, %d messages de candidatures supprimés, %d comptes inactifs prévenus, "+
		"%d anonymisés, %d contenus d'e-mails supprimés", c.CVs, c.Messages, c.Warned, c.Anonymised, c.Bodies)
}

// Run applies every retention period, in the job's shape.
func (s *Service) Run(ctx context.Context, opts jobs.RunOptions) (jobs.Report, error) {
	var c Counts
	for _, step := range []func(context.Context, bool, *Counts) error{s.purgeCVs, s.inactiveAccounts, s.purgeBodies} {
		if err := step(ctx, opts.DryRun, &c); err != nil {
			return report(c, opts), err
		}
	}
	return report(c, opts), nil
}

func report(c Counts, opts jobs.RunOptions) jobs.Report {
	summary := c.String()
	if opts.DryRun {
		summary = "à blanc, seraient : " + summary
	}
	return jobs.Report{Items: c.CVs + c.Messages + c.Warned + c.Anonymised + c.Bodies, Errors: c.Failed, Summary: summary}
}

// closedStatuses are those an application never leaves.
var closedStatuses = []domain.ApplicationStatus{domain.ApplicationAccepted, domain.ApplicationDeclined,
	domain.ApplicationWithdrawn, domain.ApplicationExpired}

// purgeCVs deletes the CVs and the message threads of applications closed
// more than CVDays ago. The threads go first, in one query, then each file
// before its reference: a failure anywhere leaves the CV referenced, so the
// next run selects the application again and finishes; it never leaves an
// unreferenced file, or a thread, kept forever.
func (s *Service) purgeCVs(ctx context.Context, dry bool, c *Counts) error {
	before := s.now().AddDate(0, 0, -s.cfg.CVDays)
	apps, err := s.store.ClosedApplicationsWithCV(ctx, closedStatuses, before)
	if err != nil {
		return err
	}
	threads, err := s.closedThreads(ctx, before)
	if err != nil {
		return err
	}
	threads = append(threads, domain.IDsOfApplications(apps)...)
	if dry {
		c.CVs += len(apps)
		n, err := s.store.CountMessagesOfApplications(ctx, threads)
		c.Messages += int(n)
		return err
	}
	n, err := s.store.DeleteMessagesOfApplications(ctx, threads)
	c.Messages += int(n)
	if err != nil {
		return err
	}
	for _, a := range apps {
		if err := s.store.DeleteFile(ctx, a.CVFileID); err != nil {
			return err
		}
		if err := s.store.ClearApplicationCV(ctx, a.ID, a.CVFileID); err != nil {
			return err
		}
		c.CVs++
	}
	return nil
}

// closedThreads are the applications, with or without a CV, closed before t
// and with messages left. A closed application takes no message, so its
// thread is older than its closing: the messages written before t are where
// to look.
func (s *Service) closedThreads(ctx context.Context, before time.Time) ([]string, error) {
	ids, err := s.store.ApplicationsWithMessagesBefore(ctx, before)
	if err != nil {
		return nil, err
	}
	closed, err := s.store.ClosedApplications(ctx, ids, closedStatuses, before)
	return domain.IDsOfApplications(closed), err
}

// purgeBodies deletes the rendered emails sent more than NotificationDays ago.
func (s *Service) purgeBodies(ctx context.Context, dry bool, c *Counts) error {
	ids, err := s.store.StaleNotificationBodies(ctx, s.now().AddDate(0, 0, -s.cfg.NotificationDays))
	if err != nil || dry {
		c.Bodies += len(ids)
		return err
	}
	n, err := s.store.DeleteNotificationBodies(ctx, ids)
	c.Bodies += int(n)
	return err
}
