// Package signature has documents signed online: a PDF generated from the
// platform's data, whose SHA-256 is fixed before the first party is
// invited; each party signs through a personal emailed link and a one-time
// code sent to the same address (a simple electronic signature: the name
// typed, consent ticked, time, IP and browser recorded). The rules of each
// kind of document say who signs, in which order and by when; a change of
// the data voids the signatures and starts a new request. The grant
// agreement, the outing authorisation and the internship agreement use it.
package signature

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"passerelle/app/audit"
	"passerelle/app/domain"
	"passerelle/app/i18n"
)

// Store is what the service needs from the database.
type Store interface {
	InsertSignatureRequest(ctx context.Context, r domain.SignatureRequest) error
	SignatureRequestByID(ctx context.Context, id string) (*domain.SignatureRequest, error)
	SignatureRequestsBySubject(ctx context.Context, kind domain.SignatureKind, subjectID string) ([]domain.SignatureRequest, error)
	SignatureRequestsByGroup(ctx context.Context, groupID string) ([]domain.SignatureRequest, error)
	SignatureRequestsByEmail(ctx context.Context, email string) ([]domain.SignatureRequest, error)
	SignatureRequests(ctx context.Context, f domain.SignatureFilter, limit int) ([]domain.SignatureRequest, error)
	OpenSignatureRequests(ctx context.Context) ([]domain.SignatureRequest, error)
	UnsettledSignatureRequests(ctx context.Context) ([]domain.SignatureRequest, error)
	SettleSignatureRequest(ctx context.Context, id string, at time.Time) error
	ApplySignatureChange(ctx context.Context, ch domain.SignatureChange) (bool, error)
	SetSignatureReplacement(ctx context.Context, id, by string) error
	PurgeSignatureRequests(ctx context.Context, now time.Time) ([]string, error)
	PutFile(ctx context.Context, id, name string, data []byte) error
	ReadFile(ctx context.Context, id string) ([]byte, error)
	DeleteFile(ctx context.Context, id string) error
	AppendAudit(ctx context.Context, e domain.AuditEvent) error
}

// Mailer sends the emails: at once those that carry a personal link or a
// code (secrets the outbox must not keep), queued once per key the others.
type Mailer interface {
	SendNow(ctx context.Context, n domain.Notice) error
	SendNotices(ctx context.Context, notices []domain.Notice) (int, error)
}

// Rules are what a kind of document asks of its signatures.
type Rules struct {
	// Validity is how long the parties have to sign, when the document
	// does not set its own deadline.
	Validity time.Duration
	// RemindAfter is how long a party whose turn it is waits before each
	// reminder, at most Reminders times.
	RemindAfter time.Duration
	Reminders   int
}

// The rules of each kind: a grant agreement and an internship agreement
// leave a month, an outing authorisation until the visit (its deadline).
var rules = map[domain.SignatureKind]Rules{
	domain.SignGrantAgreement:      {Validity: 30 * 24 * time.Hour, RemindAfter: 5 * 24 * time.Hour, Reminders: 3},
	domain.SignInternshipAgreement: {Validity: 30 * 24 * time.Hour, RemindAfter: 3 * 24 * time.Hour, Reminders: 3},
	domain.SignOutingAuthorisation: {Validity: 14 * 24 * time.Hour, RemindAfter: 2 * 24 * time.Hour, Reminders: 2},
}

// RulesOf returns the rules of a kind.
func RulesOf(kind domain.SignatureKind) Rules { return rules[kind] }

// Limits of the one-time codes: a code lives CodeTTL and allows
// CodeAttempts tries; a party gets at most CodesPerParty codes, so that a
// link in the wrong hands gives at most CodesPerParty×CodeAttempts guesses
// of a million.
const (
	CodeTTL       = 10 * time.Minute
	CodeAttempts  = 5
	CodesPerParty = 5
)

// Completed is called once a request is signed by all: the grant agreement
// becomes « signée », the internship « signé ». It must be idempotent.
type Completed func(ctx context.Context, r *domain.SignatureRequest) error

// Config holds the links' base URL and the clock.
type Config struct {
	BaseURL string
	Catalog i18n.Catalog
	Now     func() time.Time
}

// Service runs the signature requests.
type Service struct {
	store     Store
	mail      Mailer
	logger    *slog.Logger
	cfg       Config
	trail     audit.Trail
	completed map[domain.SignatureKind]Completed
}

// New returns the service.
func New(store Store, mail Mailer, cfg Config, logger *slog.Logger) *Service {
	if logger == nil {
		logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Service{store: store, mail: mail, logger: logger, cfg: cfg,
		trail: audit.New(store, logger, cfg.Now), completed: map[domain.SignatureKind]Completed{}}
}

// OnCompleted registers what happens when a request of kind is signed by
// all; called while wiring, before serving.
func (s *Service) OnCompleted(kind domain.SignatureKind, fn Completed) { s.completed[kind] = fn }

func (s *Service) now() time.Time { return s.cfg.Now().UTC().Truncate(time.Millisecond) }

func (s *Service) link(raw string) string {
	return strings.TrimRight(s.cfg.BaseURL, "/") + "/signature/" + raw
}

// record writes a step in the platform's audit log.
func (s *Service) record(ctx context.Context, r *domain.SignatureRequest, kind, actorID, ip, detail string) {
	s.trail.Record(ctx, domain.AuditEvent{ActorID: actorID, Action: "signature." + kind, TargetKind: "signature",
		TargetID: r.ID, IP: ip, Detail: string(r.Kind) + " — " + detail})
}

var (
	errInvalidLink = &domain.Error{Code: domain.ENOTFOUND, Message: "error.signature.invalid_link"}
	errNotFound    = &domain.Error{Code: domain.ENOTFOUND, Message: "error.signature.not_found"}
	errClosed      = map[domain.SignatureState]*domain.Error{
		domain.SignatureCompleted: {Code: domain.ECONFLICT, Message: "error.signature.completed"},
		domain.SignatureExpired:   {Code: domain.ECONFLICT, Message: "error.signature.expired"},
		domain.SignatureVoided:    {Code: domain.ECONFLICT, Message: "error.signature.voided"},
	}
	errAlreadySigned = &domain.Error{Code: domain.ECONFLICT, Message: "error.signature.already_signed"}
	errNotYourTurn   = &domain.Error{Code: domain.ECONFLICT, Message: "error.signature.not_your_turn"}
	errTampered      = &domain.Error{Code: domain.ECONFLICT, Message: "error.signature.tampered"}
	errTooManyCodes  = &domain.Error{Code: domain.ETOOMANY, Message: "error.signature.too_many_codes"}
	errForbidden     = &domain.Error{Code: domain.EFORBIDDEN, Message: "error.forbidden"}
)
