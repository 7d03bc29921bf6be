package account

import (
	"context"
	"log/slog"
	"passerelle/app/audit"
	"sync"
	"time"

	"passerelle/app/domain"
)

// Store is what accounts need from the database.
type Store interface {
	InsertUsers(ctx context.Context, users []domain.User) error
	UserByEmail(ctx context.Context, email string) (*domain.User, error)
	UserByID(ctx context.Context, id string) (*domain.User, error)
	SetPasswordHash(ctx context.Context, userID, hash string) error
	MarkEmailVerified(ctx context.Context, userID string, at time.Time) error
	SetUserLocale(ctx context.Context, userID, locale string) error

	InsertWebSession(ctx context.Context, s domain.WebSession) error
	WebSessionByID(ctx context.Context, id string) (*domain.WebSession, error)
	DeleteWebSession(ctx context.Context, id string) error
	DeleteUserWebSessions(ctx context.Context, userID string) error
	MarkSignedIn(ctx context.Context, userID string, at time.Time) error

	InsertToken(ctx context.Context, t domain.Token) error
	TakeToken(ctx context.Context, id string) (*domain.Token, error)
	DeleteUserTokens(ctx context.Context, userID string, purpose domain.TokenPurpose) error

	HitRateLimit(ctx context.Context, key string, expiresAt time.Time) (int, error)
	AppendAudit(ctx context.Context, e domain.AuditEvent) error

	OrganisationStore
	TestimonyStore
	YouthStore
	PrivacyStore
	StaffStore
	PurgeStore
}

// Config holds the security settings of accounts.
type Config struct {
	BaseURL      string        // links in emails start with it
	Argon2       Argon2        // password hashing cost
	SessionTTL   time.Duration // how long a sign-in lasts
	MagicLinkTTL time.Duration // how long a sign-in link may be used
	// LoginRatePerMinute bounds sign-in, sign-up, link and reset attempts per
	// account and client address (twenty times more per address, ten times
	// more per hour per account).
	LoginRatePerMinute int
	// HashConcurrency bounds the password hashes computed at once (twice the
	// processors when zero); one waits at most HashWait (3 s when zero) for
	// its turn before the request is refused as busy.
	HashConcurrency int
	HashWait        time.Duration
	// DataHolders are the other services that keep personal data, for the
	// export and the deletion of an account.
	DataHolders []DataHolder
	// Now is the clock, time.Now when nil; tests move it.
	Now func() time.Time
}

// Service signs people up and in, and keeps their sessions.
type Service struct {
	store   Store
	mail    Mailer
	cfg     Config
	logger  *slog.Logger
	sending sync.WaitGroup
	holders []DataHolder // other services' personal data, for export and deletion
	now     func() time.Time
	trail   audit.Trail
	hashing *hashers
}

// New returns the accounts service.
func New(store Store, mailer Mailer, cfg Config, logger *slog.Logger) *Service {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Service{store: store, mail: mailer, cfg: cfg, logger: logger, now: cfg.Now,
		trail:   audit.New(store, logger, cfg.Now),
		holders: cfg.DataHolders, hashing: newHashers(cfg.HashConcurrency, cfg.HashWait)}
}

// Client is where a request comes from, for sessions, limits and the audit log.
type Client struct {
	IP        string
	UserAgent string
	Locale    string
}

// audit appends an event; a failure is logged, never shown to the user,
// because the action it records has already happened.
func (s *Service) audit(ctx context.Context, e domain.AuditEvent) {
	s.trail.Record(ctx, e)
}
