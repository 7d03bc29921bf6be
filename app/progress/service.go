// Package progress runs the PROGR'ESS call for projects: calls, grant
// applications, instruction, jury, decisions and awards. Every change of an
// application's state goes through one function (Transition) that checks the
// state machine of domain.GrantTransitions and audits the move.
package progress

import (
	"context"
	"log/slog"
	"passerelle/app/audit"
	"time"

	"passerelle/app/domain"
	"passerelle/app/mail"
)

// Notifier sends a notice to users at most once per key. The platform's
// notification service implements it; a nil Notifier sends nothing.
type Notifier interface {
	Notify(ctx context.Context, n Notice) error
}

// Notice is one notification: its Key makes a resend a no-op.
type Notice struct {
	Key         string   // e.g. "grant.submitted:<id>:1"
	UserIDs     []string // recipients
	Template    string   // catalog prefix: Template+".subject" and Template+".body"
	Args        []any    // the body's %s arguments, in order
	Attachments []mail.Attachment
}

// Config holds the service's clock.
type Config struct {
	// Now is the server clock, the only one deadlines are checked against;
	// time.Now when nil, tests move it.
	Now func() time.Time
}

// Service runs the call for projects over the database.
type Service struct {
	store    Store
	notifier Notifier
	logger   *slog.Logger
	now      func() time.Time
	trail    audit.Trail
}

// New returns the PROGR'ESS service; a nil notifier sends nothing.
func New(store Store, notifier Notifier, logger *slog.Logger, cfg Config) *Service {
	if logger == nil {
		logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Service{store: store, notifier: notifier, logger: logger, now: cfg.Now,
		trail: audit.New(store, logger, cfg.Now)}
}

func (s *Service) notify(ctx context.Context, n Notice) {
	if s.notifier == nil {
		return
	}
	// The decision is recorded: a notice that fails is retried by the
	// notifier's own outbox, never by undoing the decision.
	if err := s.notifier.Notify(ctx, n); err != nil {
		s.logger.Error("progress: notify", slog.String("key", n.Key), slog.Any("error", err))
	}
}

func forbidden() error { return &domain.Error{Code: domain.EFORBIDDEN, Message: "error.forbidden"} }
