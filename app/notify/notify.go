// Package notify sends the platform's emails exactly once. Notify renders a
// notification at once and queues it under its idempotency key; Deliver
// claims what is due by batches, sends each message committing it inside
// the SMTP transaction (see mail.Sender.SendCommitted) with one marker
// insert, records the batch's sends at its end, retries temporary failures
// with backoff and gives up after the configured number of attempts.
package notify

import (
	"context"
	"crypto/rand"
	"log/slog"
	"time"

	"passerelle/app/domain"
	"passerelle/app/i18n"
	"passerelle/app/mail"
)

// Recipient is who receives a notification, in their language.
type Recipient = domain.NoticeRecipient

// Notification is one email to queue.
type Notification struct {
	// Key identifies the email: job or event, recipient and period, e.g.
	// "staff_summary/2026-W48/agent@hauts-de-seine.fr". Queuing it twice sends it once.
	Key         string
	Topic       domain.Topic // empty for a transactional email, always sent
	To          Recipient
	Template    string // a file pair of templates/, e.g. "staff_summary"
	Data        any
	Attachments []mail.Attachment
}

// Store is what the service keeps in the database.
type Store interface {
	InsertNotifications(ctx context.Context, ns []domain.Notification, bodies []domain.NotificationBody) (duplicates int, err error)
	NotificationBodies(ctx context.Context, ids []string) (map[string]domain.NotificationBody, error)
	DueNotifications(ctx context.Context, now time.Time, limit int) ([]domain.Notification, error)
	ClaimNotifications(ctx context.Context, ids []string, claim string, now, until time.Time) ([]domain.Notification, error)
	CommitNotification(ctx context.Context, id, owner string, at time.Time) (bool, error)
	SettleNotificationsSent(ctx context.Context, ids []string, at time.Time) error
	UncommitNotification(ctx context.Context, id string) error
	SettleNotification(ctx context.Context, id string, to domain.NotificationMove) error
	EmailPreferences(ctx context.Context, emails []string) (map[string]domain.EmailPreferences, error)
	UserLocales(ctx context.Context, ids []string) (map[string]string, error)
	SaveEmailPreferences(ctx context.Context, p domain.EmailPreferences) error
}

// Config tunes the service.
type Config struct {
	BaseURL string // absolute links start with it, e.g. "https://passerelle92.fr"
	// Secret signs the unsubscribe links (HMAC-SHA256).
	Secret []byte
	// UnsubscribeMailto, when set, is offered in List-Unsubscribe besides
	// the one-click link: a mailbox whose messages someone processes.
	UnsubscribeMailto string
	MaxAttempts       int           // a notification is given up after it; 5 when zero
	SendRate          float64       // messages per second at most; 20 when zero
	ClaimTTL          time.Duration // longer than any send, added to a batch's time at SendRate: 5 minutes when zero
	RetryDelay        time.Duration // before the first retry, doubled each time; 1 minute when zero
	// Now and Sleep are the clock, replaced by tests.
	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) error
}

// Service queues and delivers notifications.
type Service struct {
	store   Store
	sender  mail.Sender
	catalog i18n.Catalog
	cfg     Config
	views   *views
	limiter *limiter
	logger  *slog.Logger
	owner   string // names this process's claims
	// beforeCommit lets the crash test stop a delivery mid-transaction.
	beforeCommit func(key string)
}

// New returns a service sending through sender.
func New(st Store, sender mail.Sender, catalog i18n.Catalog, cfg Config, logger *slog.Logger) (*Service, error) {
	cfg = withDefaults(cfg)
	v, err := parseViews()
	if err != nil {
		return nil, err
	}
	return &Service{store: st, sender: sender, catalog: catalog, cfg: cfg, views: v, logger: logger,
		limiter: newLimiter(cfg.SendRate, cfg.Now, cfg.Sleep), owner: rand.Text()[:12],
		beforeCommit: func(string) {}}, nil
}

func withDefaults(cfg Config) Config {
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = 5
	}
	if cfg.SendRate <= 0 {
		cfg.SendRate = 20
	}
	if cfg.ClaimTTL <= 0 {
		cfg.ClaimTTL = 5 * time.Minute
	}
	if cfg.RetryDelay <= 0 {
		cfg.RetryDelay = time.Minute
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Sleep == nil {
		cfg.Sleep = sleep
	}
	return cfg
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
