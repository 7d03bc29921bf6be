// Package campaign runs visit campaigns: staff opens a discovery week with
// its sessions, counsellors rank wishes for their groups until the deadline,
// staff runs the allocation (matching.Allocate, with a recorded seed),
// reviews it and publishes it, which books the seats and emails each
// counsellor the result of their groups with its explanation.
package campaign

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"log/slog"
	"time"

	"passerelle/app/domain"
	"passerelle/app/i18n"
	"passerelle/app/mail"
)

// Store is what campaigns read and write.
type Store interface {
	InsertCampaign(ctx context.Context, c *domain.Campaign) error
	CampaignByID(ctx context.Context, id string) (*domain.Campaign, error)
	Campaigns(ctx context.Context) ([]domain.Campaign, error)
	UpdateCampaign(ctx context.Context, id string, from []domain.CampaignStatus, to domain.CampaignStatus, change domain.CampaignChange) (bool, error)
	SaveCampaignGroup(ctx context.Context, g *domain.CampaignGroup) error
	CampaignGroupByID(ctx context.Context, id string) (*domain.CampaignGroup, error)
	CampaignGroups(ctx context.Context, campaignID, counsellorID string) ([]domain.CampaignGroup, error)
	SessionsBetween(ctx context.Context, from, to time.Time) ([]domain.SessionWithOffer, error)
	SessionsByIDs(ctx context.Context, ids []string) ([]domain.SessionWithOffer, error)
	OrganisationsByIDs(ctx context.Context, ids []string) ([]domain.Organisation, error)
	TakeSeats(ctx context.Context, sessionID string, h domain.SeatHold) (bool, error)
	InsertBooking(ctx context.Context, b *domain.Booking) error
	AppendAudit(ctx context.Context, e domain.AuditEvent) error
}

// Notice is an email to queue. Its Key makes it unique: queuing it again
// sends nothing more. Its subject and text are the catalog's
// Template+".subject" and Template+".body", the body formatted with Args.
type Notice struct {
	Key      string
	To       mail.Address
	Template string
	Args     []any
}

// Notifier queues emails, each sent once (the notification service).
type Notifier interface {
	NotifyAll(ctx context.Context, notices []Notice) (queued int, err error)
}

// Config holds what emails need.
type Config struct {
	BaseURL string // links in emails start with it
}

// Service runs the campaigns.
type Service struct {
	store    Store
	notifier Notifier
	catalog  i18n.Catalog
	cfg      Config
	logger   *slog.Logger
	now      func() time.Time
}

// New returns the campaigns' service.
func New(store Store, notifier Notifier, catalog i18n.Catalog, cfg Config, logger *slog.Logger) *Service {
	return &Service{store: store, notifier: notifier, catalog: catalog, cfg: cfg, logger: logger, now: time.Now}
}

// SetClock makes the service read time from now, for tests.
func (s *Service) SetClock(now func() time.Time) { s.now = now }

var (
	errForbidden = &domain.Error{Code: domain.EFORBIDDEN, Message: "error.auth.forbidden"}
	errClosed    = &domain.Error{Code: domain.ECONFLICT, Message: "error.campaign.closed"}
)

func isStaff(u *domain.User) bool {
	return u != nil && (u.HasRole(domain.RoleStaff) || u.HasRole(domain.RoleAdmin))
}

// audit records a change; a failure is logged, the change being saved.
func (s *Service) audit(ctx context.Context, actor *domain.User, action, id, detail string) {
	e := domain.AuditEvent{ID: newID("audit"), At: s.now(), ActorID: actor.ID, Action: action,
		TargetKind: "campaign", TargetID: id, Detail: detail}
	if err := s.store.AppendAudit(ctx, e); err != nil {
		s.logger.Error("campaign: audit not recorded", slog.String("action", action), slog.Any("error", err))
	}
}

func newID(prefix string) string { return prefix + "-" + rand.Text()[:16] }

func newSeed() int64 {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return int64(binary.LittleEndian.Uint64(b[:]) >> 1)
}
