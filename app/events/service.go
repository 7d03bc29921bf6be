// Package events runs the platform's events — forums des métiers, job
// datings, ESS meet-ups, PROGR'ESS information sessions and workshops — and
// their registrations, with the guarantees of the visits' bookings: places
// never over capacity whatever the concurrency (one conditional update of
// the event), a waitlist promoted in order, idempotency keys.
package events

import (
	"context"
	"log/slog"
	"slices"
	"time"

	"passerelle/app/audit"
	"passerelle/app/domain"
	"passerelle/app/refdata"
)

// Store is what the events read and write.
type Store interface {
	InsertEvent(ctx context.Context, e *domain.Event) error
	EventByID(ctx context.Context, id string) (*domain.Event, error)
	Events(ctx context.Context, f domain.EventFilter) ([]domain.Event, error)
	EventsPage(ctx context.Context, f domain.EventFilter, r domain.PageRequest) (domain.Page[domain.Event], error)
	MoveEvent(ctx context.Context, id string, from []domain.EventStatus, to domain.EventStatus) (bool, error)
	TakeEventPlaces(ctx context.Context, eventID string, pool domain.Pool, h domain.SeatHold) (bool, error)
	ReleaseEventPlaces(ctx context.Context, eventID string, pool domain.Pool, h domain.SeatHold) error
	InsertRegistration(ctx context.Context, r *domain.EventRegistration) error
	RegistrationByID(ctx context.Context, id string) (*domain.EventRegistration, error)
	Registrations(ctx context.Context, f domain.RegistrationFilter) ([]domain.EventRegistration, error)
	MoveRegistration(ctx context.Context, id string, from []domain.RegistrationStatus, to domain.RegistrationStatus, at time.Time) (bool, error)
	ForgetRegistrant(ctx context.Context, userID string) error
	OrganisationByID(ctx context.Context, id string) (*domain.Organisation, error)
	YouthByID(ctx context.Context, id string) (*domain.Youth, error)
	AppendAudit(ctx context.Context, e domain.AuditEvent) error
}

// Notifier queues emails, each sent at most once per key.
type Notifier interface {
	SendNotices(ctx context.Context, notices []domain.Notice) (int, error)
}

// Service runs events and registrations.
type Service struct {
	store    Store
	notifier Notifier
	logger   *slog.Logger
	now      func() time.Time
	trail    audit.Trail
}

// New returns the events' service; a nil notifier sends nothing, a nil
// clock is time.Now.
func New(store Store, notifier Notifier, logger *slog.Logger, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, notifier: notifier, logger: logger, now: now, trail: audit.New(store, logger, now)}
}

// Audited actions.
const (
	AuditEventCreated        = "event.created"
	AuditEventCancelled      = "event.cancelled"
	AuditRegistrationCreated = "event.registration"
	AuditRegistrationCancel  = "event.registration_cancelled"
	AuditAttendance          = "event.attendance"
)

var errForbidden = &domain.Error{Code: domain.EFORBIDDEN, Message: "error.forbidden"}

func (s *Service) audit(ctx context.Context, actor *domain.User, action, id, detail string) {
	s.trail.Record(ctx, domain.AuditEvent{ActorID: actor.ID, Action: action, TargetKind: "event", TargetID: id, Detail: detail})
}

// notify sends ns and only logs a failure: the change they report is saved,
// and the notification service retries what it could not send.
func (s *Service) notify(ctx context.Context, ns ...domain.Notice) {
	ns = slices.DeleteFunc(ns, func(n domain.Notice) bool { return n.To.Email == "" })
	if len(ns) == 0 || s.notifier == nil {
		return
	}
	if _, err := s.notifier.SendNotices(ctx, ns); err != nil {
		s.logger.Error("events: notification not sent", slog.String("key", ns[0].Key), slog.Any("error", err))
	}
}

func knownCommune(code string) bool {
	_, ok := refdata.CommuneByCode(code)
	return ok
}

// memberOf reports whether the user acts for organisation orgID with one of
// the roles.
func memberOf(u *domain.User, orgID string, roles ...domain.Role) bool {
	if u == nil || orgID == "" || !slices.Contains(u.OrganisationIDs, orgID) {
		return false
	}
	return slices.ContainsFunc(roles, u.HasRole)
}

// Organises reports whether u may manage e: staff for every event, and the
// members of its organiser.
func Organises(u *domain.User, e *domain.Event) bool {
	return u != nil && (u.HasRole(domain.RoleStaff) || (e.OrganisationID != "" && slices.Contains(u.OrganisationIDs, e.OrganisationID)))
}
