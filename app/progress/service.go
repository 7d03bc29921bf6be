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
)

// Notifier queues notices, each sent at most once per key. The platform's
// notification service implements it; a nil Notifier sends nothing.
type Notifier interface {
	SendNotices(ctx context.Context, notices []domain.Notice) (int, error)
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

// notifyEditors sends the catalog text (e.g. "notice.grant.awarded") to each editor
// of g, in their language, keyed by key and the editor: a repeated notice is
// queued once.
func (s *Service) notifyEditors(ctx context.Context, g *domain.GrantApplication, key, text string, args []any, files ...domain.EmailAttachment) {
	s.tellEditors(ctx, g, domain.Notice{Key: key, Text: text, Args: args, Attachments: files})
}

// tellEditors sends n to each editor of the file, keyed per editor.
func (s *Service) tellEditors(ctx context.Context, g *domain.GrantApplication, n domain.Notice) {
	if s.notifier == nil {
		return
	}
	// The decision is recorded: a notice that fails is retried by the
	// notifier's own outbox, never by undoing the decision.
	users, err := s.store.UsersByID(ctx, editors(g))
	if err == nil {
		notices := make([]domain.Notice, len(users))
		for i, u := range users {
			notices[i] = n
			notices[i].Key, notices[i].To = n.Key+"/"+u.ID, domain.RecipientOf(u)
		}
		_, err = s.notifier.SendNotices(ctx, notices)
	}
	if err != nil {
		s.logger.Error("progress: notify", slog.String("key", n.Key), slog.Any("error", err))
	}
}

func forbidden() error { return &domain.Error{Code: domain.EFORBIDDEN, Message: "error.forbidden"} }
