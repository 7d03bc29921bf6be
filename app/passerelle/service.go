package passerelle

import (
	"context"
	"log/slog"
	"passerelle/app/audit"
	"time"

	"passerelle/app/domain"
	"passerelle/app/readmodel"
)

// Notifier queues the programme's emails, each sent at most once per key
// (the notification service plugs in here).
type Notifier interface {
	SendNotices(ctx context.Context, notices []domain.Notice) (int, error)
}

// OfferIndex is told of every saved offer change, to keep search in step.
type OfferIndex interface {
	OfferChanged(ctx context.Context, offer domain.Offer)
}

// Config holds the programme's tunable delays and its clock.
type Config struct {
	ApplicationExpiry time.Duration // an unanswered application expires after it; 15 days when zero
	// Now is the clock, time.Now when nil; tests and replays move it.
	Now func() time.Time
}

// Service runs offers, visit sessions, bookings and applications.
type Service struct {
	store    Store
	index    OfferIndex
	notifier Notifier
	logger   *slog.Logger
	cfg      Config
	now      func() time.Time
	trail    audit.Trail
	// sessions, offers and organisations kept in memory by id, for the
	// lines of the booking lists: no one's own data, invalidated by their
	// writes (the sessions' by every booking: the lines then read them again)
	sessions      *readmodel.Keyed[*domain.VisitSession]
	offers        *readmodel.Keyed[*domain.Offer]
	organisations *readmodel.Keyed[*domain.Organisation]
}

// keptDocuments bounds the sessions, offers and organisations kept, each:
// above those of a whole département.
const keptDocuments = 20_000

// NewService returns the programme's service over its store, search index
// and notifier; a nil index (tests of pages without search) is skipped, a nil
// notifier sends nothing.
func NewService(store Store, index OfferIndex, notifier Notifier, logger *slog.Logger, cfg Config) *Service {
	if cfg.ApplicationExpiry <= 0 {
		cfg.ApplicationExpiry = 15 * 24 * time.Hour
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	kept := func(source string) readmodel.Config {
		return readmodel.Config{Changes: store, Sources: []string{source}, Now: cfg.Now}
	}
	return &Service{store: store, index: index, notifier: notifier, logger: logger, cfg: cfg,
		now: cfg.Now, trail: audit.New(store, logger, cfg.Now),
		sessions:      readmodel.NewKeyed(kept(readmodel.Sessions), keptDocuments, store.SessionByID),
		offers:        readmodel.NewKeyed(kept(readmodel.Offers), keptDocuments, store.OfferByID),
		organisations: readmodel.NewKeyed(kept(readmodel.Organisations), keptDocuments, store.OrganisationByID)}
}

// notify sends n and only logs a failure: the change it reports is saved,
// and the notification service retries what it could not send.
func (s *Service) notify(ctx context.Context, n domain.Notice) {
	if n.To.Email == "" || s.notifier == nil {
		return
	}
	if _, err := s.notifier.SendNotices(ctx, []domain.Notice{n}); err != nil {
		s.logger.Error("passerelle: notification not sent", slog.String("key", n.Key), slog.Any("error", err))
	}
}

// offerChanged is the single call site of the search hook.
func (s *Service) offerChanged(ctx context.Context, o *domain.Offer) {
	if s.index != nil {
		s.index.OfferChanged(ctx, *o)
	}
}

// audit records a state change; a failure to record is logged, not returned,
// because the change itself is saved.
func (s *Service) audit(ctx context.Context, actor *domain.User, action, kind, id, detail string) {
	s.trail.Record(ctx, domain.AuditEvent{ActorID: actor.ID, Action: action, TargetKind: kind, TargetID: id, Detail: detail})
}
