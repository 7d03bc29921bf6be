// Package support runs the accompaniment of ESS project holders (the
// strategy's « former / accompagner » axis): a holder asks for support,
// staff give the request to a partner structure (an incubator, a local
// network), whose members follow it with the holder: status, next meeting,
// messages and their own notes.
package support

import (
	"context"
	"log/slog"
	"slices"
	"strings"
	"time"

	"passerelle/app/audit"
	"passerelle/app/domain"
	"passerelle/app/i18n"
	"passerelle/app/refdata"
)

// Store is what the accompaniment keeps in the database.
type Store interface {
	InsertSupportRequest(ctx context.Context, r domain.SupportRequest) error
	SupportRequestByID(ctx context.Context, id string) (*domain.SupportRequest, error)
	SupportRequestsOfHolder(ctx context.Context, holderID string, r domain.PageRequest) (domain.Page[domain.SupportRequest], error)
	SupportRequestsOfStructures(ctx context.Context, structureIDs []string, status domain.SupportStatus, r domain.PageRequest) (domain.Page[domain.SupportRequest], error)
	SupportRequestsPage(ctx context.Context, status domain.SupportStatus, r domain.PageRequest) (domain.Page[domain.SupportRequest], error)
	AssignSupportRequest(ctx context.Context, id string, from domain.SupportStatus, structure *domain.Organisation, at time.Time) error
	FollowSupportRequest(ctx context.Context, id string, from, to domain.SupportStatus, next *time.Time, at time.Time) error
	AppendSupportNote(ctx context.Context, id string, n domain.SupportNote) error
	SupportStructures(ctx context.Context) ([]domain.Organisation, error)
	HolderSupportRequests(ctx context.Context, holderID string) ([]domain.SupportRequest, error)
	DeleteHolderSupportRequests(ctx context.Context, holderID string) error
	OrganisationByID(ctx context.Context, id string) (*domain.Organisation, error)
	OrganisationMembers(ctx context.Context, orgID string) ([]domain.User, error)
	GrantByID(ctx context.Context, id string) (*domain.GrantApplication, error)
	audit.Store
}

// Notifier sends the emails of the accompaniment.
type Notifier interface {
	SendNotices(ctx context.Context, notices []domain.Notice) (int, error)
}

// Service is the accompaniment.
type Service struct {
	store  Store
	notify Notifier
	trail  audit.Trail
	logger *slog.Logger
	now    func() time.Time
}

// New returns the service; now is the clock (time.Now when nil).
func New(store Store, notify Notifier, logger *slog.Logger, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, notify: notify, trail: audit.New(store, logger, now), logger: logger, now: now}
}

// The audit actions of the accompaniment.
const (
	AuditAsked    = "support.asked"
	AuditAssigned = "support.assigned"
	AuditFollowed = "support.followed"
)

var (
	errForbidden = &domain.Error{Code: domain.EFORBIDDEN, Message: "error.forbidden"}
	errStructure = domain.FieldError("structure_id", "error.support.structure")
	errMove      = domain.FieldError("status", "error.support.status")
	errMeeting   = domain.FieldError("next_meeting", "error.support.meeting")
	errCommune   = domain.FieldError("commune_code", "error.support.commune")
)

// Ask records a holder's request; a request that follows a PROGR'ESS file
// must follow one of the holder's own.
func (s *Service) Ask(ctx context.Context, holder *domain.User, in domain.SupportInput) (*domain.SupportRequest, error) {
	if !holder.HasRole(domain.RoleApplicant) {
		return nil, errForbidden
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if _, ok := refdata.CommuneByCode(in.CommuneCode); !ok {
		return nil, errCommune
	}
	if in.GrantID != "" {
		g, err := s.store.GrantByID(ctx, in.GrantID)
		if err != nil || g.CreatedBy != holder.ID && !slices.Contains(g.EditorIDs, holder.ID) {
			return nil, errForbidden
		}
	}
	now := s.now().UTC()
	r := domain.SupportRequest{ID: domain.NewID("support"), HolderID: holder.ID, HolderName: holder.Name,
		HolderEmail: holder.Email, Project: in.Project, Description: in.Description, Stage: in.Stage, Needs: in.Needs,
		CommuneCode: in.CommuneCode, GrantID: in.GrantID, Status: domain.SupportNew, Notes: []domain.SupportNote{},
		CreatedAt: now, UpdatedAt: now}
	if err := s.store.InsertSupportRequest(ctx, r); err != nil {
		return nil, err
	}
	s.audit(ctx, holder, AuditAsked, r.ID, "")
	return &r, nil
}

// Structures are the partner structures a request may be given to.
func (s *Service) Structures(ctx context.Context) ([]domain.Organisation, error) {
	return s.store.SupportStructures(ctx)
}

// Request returns a request to its holder, the members of its structure and
// staff; the structure's internal notes are left out for the holder.
func (s *Service) Request(ctx context.Context, actor *domain.User, id string) (*domain.SupportRequest, error) {
	r, err := s.store.SupportRequestByID(ctx, id)
	if err != nil {
		return nil, err
	}
	switch {
	case isStaff(actor), s.follows(actor, r):
		return r, nil
	case r.HolderID == actor.ID:
		r.Notes = visibleToHolder(r.Notes)
		return r, nil
	}
	return nil, errForbidden
}

// Mine is a page of the holder's requests.
func (s *Service) Mine(ctx context.Context, holder *domain.User, p domain.PageRequest) (domain.Page[domain.SupportRequest], error) {
	return s.store.SupportRequestsOfHolder(ctx, holder.ID, p)
}

// Followed is a page of the requests given to the adviser's structures.
func (s *Service) Followed(ctx context.Context, adviser *domain.User, status domain.SupportStatus, p domain.PageRequest) (domain.Page[domain.SupportRequest], error) {
	if !adviser.HasRole(domain.RoleAdviser) {
		return domain.Page[domain.SupportRequest]{}, errForbidden
	}
	return s.store.SupportRequestsOfStructures(ctx, adviser.OrganisationIDs, status, p)
}

// Queue is staff's page of every request, of one status when given.
func (s *Service) Queue(ctx context.Context, agent *domain.User, status domain.SupportStatus, p domain.PageRequest) (domain.Page[domain.SupportRequest], error) {
	if !isStaff(agent) {
		return domain.Page[domain.SupportRequest]{}, errForbidden
	}
	return s.store.SupportRequestsPage(ctx, status, p)
}

// Assign gives a request to a verified partner structure, and tells its
// members and the holder. A request may be given again to another
// structure until it is closed.
func (s *Service) Assign(ctx context.Context, agent *domain.User, id, structureID string) (*domain.SupportRequest, error) {
	if !isStaff(agent) {
		return nil, errForbidden
	}
	r, err := s.store.SupportRequestByID(ctx, id)
	if err != nil {
		return nil, err
	}
	structure, err := s.store.OrganisationByID(ctx, structureID)
	if err != nil || structure.Kind != domain.KindSupport || !structure.Verified {
		return nil, errStructure
	}
	if r.Status == domain.SupportClosed {
		return nil, errMove
	}
	if err := s.store.AssignSupportRequest(ctx, r.ID, r.Status, structure, s.now().UTC()); err != nil {
		return nil, err
	}
	r.Status, r.StructureID, r.StructureName = domain.SupportAssigned, structure.ID, structure.Name
	s.audit(ctx, agent, AuditAssigned, r.ID, structure.ID)
	s.tellAssigned(ctx, r)
	return r, nil
}

// Follow records, for a member of the request's structure, where the
// accompaniment stands and when the next meeting is.
func (s *Service) Follow(ctx context.Context, adviser *domain.User, id string, to domain.SupportStatus, next *time.Time) (*domain.SupportRequest, error) {
	r, err := s.store.SupportRequestByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !s.follows(adviser, r) {
		return nil, errForbidden
	}
	if !domain.CanMoveSupport(r.Status, to) {
		return nil, errMove
	}
	if next != nil && (next.Before(s.now()) || to == domain.SupportClosed) {
		return nil, errMeeting
	}
	if err := s.store.FollowSupportRequest(ctx, r.ID, r.Status, to, next, s.now().UTC()); err != nil {
		return nil, err
	}
	changed := r.Status != to || !sameTime(r.NextMeeting, next)
	r.Status, r.NextMeeting = to, next
	s.audit(ctx, adviser, AuditFollowed, r.ID, string(to))
	if changed {
		s.tellHolder(ctx, r, "notice.support.followed", s.followedArgs(r))
	}
	return r, nil
}

// Write adds a message (from the holder or the structure) or, for the
// structure, an internal note; a message is emailed to the other side.
func (s *Service) Write(ctx context.Context, actor *domain.User, id, text string, internal bool) (*domain.SupportRequest, error) {
	text, err := domain.CheckSupportNote(text)
	if err != nil {
		return nil, err
	}
	r, err := s.store.SupportRequestByID(ctx, id)
	if err != nil {
		return nil, err
	}
	adviser := s.follows(actor, r)
	if !adviser && (r.HolderID != actor.ID || internal) {
		return nil, errForbidden
	}
	n := domain.SupportNote{AuthorID: actor.ID, AuthorName: actor.Name, At: s.now().UTC(), Text: text, Internal: internal}
	if err := s.store.AppendSupportNote(ctx, r.ID, n); err != nil {
		return nil, err
	}
	r.Notes = append(r.Notes, n)
	switch {
	case internal:
	case adviser:
		s.tellHolder(ctx, r, "notice.support.message", []any{r.Project, r.StructureName})
	default:
		s.tellStructure(ctx, r, "notice.support.message_holder", []any{r.Project, r.HolderName})
	}
	return r, nil
}

// visibleToHolder are the notes the holder reads: the messages.
func visibleToHolder(notes []domain.SupportNote) []domain.SupportNote {
	return slices.DeleteFunc(notes, func(n domain.SupportNote) bool { return n.Internal })
}

// follows reports whether the actor is an adviser of the request's structure.
func (s *Service) follows(actor *domain.User, r *domain.SupportRequest) bool {
	return r.StructureID != "" && actor.HasRole(domain.RoleAdviser) && slices.Contains(actor.OrganisationIDs, r.StructureID)
}

func isStaff(u *domain.User) bool { return u.HasRole(domain.RoleStaff) }

func sameTime(a, b *time.Time) bool {
	return a == nil && b == nil || a != nil && b != nil && a.Equal(*b)
}

func (s *Service) audit(ctx context.Context, actor *domain.User, action, id, detail string) {
	s.trail.Record(ctx, domain.AuditEvent{ActorID: actor.ID, Action: action, TargetKind: "support_request", TargetID: id,
		Detail: detail})
}

// tellAssigned tells the structure's members they have a new request, and
// the holder who will accompany them.
func (s *Service) tellAssigned(ctx context.Context, r *domain.SupportRequest) {
	s.tellStructure(ctx, r, "notice.support.assigned", []any{r.Project, r.HolderName})
	s.tellHolder(ctx, r, "notice.support.assigned_holder", []any{r.Project, r.StructureName})
}

// followedArgs say where the accompaniment stands, in the reader's words.
func (s *Service) followedArgs(r *domain.SupportRequest) []any {
	next := any(i18n.Label("support.meeting.none"))
	if r.NextMeeting != nil {
		next = i18n.When(*r.NextMeeting)
	}
	return []any{r.Project, r.StructureName, i18n.Label("support.status." + string(r.Status)), next}
}

func (s *Service) tellHolder(ctx context.Context, r *domain.SupportRequest, text string, args []any) {
	s.send(ctx, []domain.Notice{s.notice(r, text, domain.AccountRecipient(r.HolderID, r.HolderName, r.HolderEmail), args)})
}

func (s *Service) tellStructure(ctx context.Context, r *domain.SupportRequest, text string, args []any) {
	members, err := s.store.OrganisationMembers(ctx, r.StructureID)
	if err != nil {
		s.logger.Error("support: structure's members", slog.String("request", r.ID), slog.Any("error", err))
		return
	}
	var notices []domain.Notice
	for _, m := range members {
		if m.HasRole(domain.RoleAdviser) {
			notices = append(notices, s.notice(r, text, domain.RecipientOf(m), args))
		}
	}
	s.send(ctx, notices)
}

// notice is one email about a request, keyed by the request, the text and
// the instant, so that each change is told once.
func (s *Service) notice(r *domain.SupportRequest, text string, to domain.NoticeRecipient, args []any) domain.Notice {
	key := strings.Join([]string{text, r.ID, to.Email, r.UpdatedAt.Format(time.RFC3339Nano), s.now().UTC().Format(time.RFC3339Nano)}, ":")
	return domain.Notice{Key: key, To: to, Text: text, Args: args, Link: "/accompagnement/demandes/" + r.ID}
}

// send queues the notices; the change they tell is saved already, so a
// failure is logged and the outbox's own retries do the rest.
func (s *Service) send(ctx context.Context, notices []domain.Notice) {
	if s.notify == nil || len(notices) == 0 {
		return
	}
	if _, err := s.notify.SendNotices(ctx, notices); err != nil {
		s.logger.Error("support: notify", slog.Any("error", err))
	}
}
