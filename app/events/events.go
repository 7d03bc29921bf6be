package events

import (
	"context"
	"slices"
	"strings"
	"time"

	"passerelle/app/domain"
	"passerelle/app/refdata"
)

// EventInput is what an organiser writes of an event.
type EventInput struct {
	Kind           domain.EventKind
	Title          string
	Description    string
	Audiences      []domain.EventAudience
	OrganisationID string // the organiser; empty: the Département (staff only)
	Online         bool
	CommuneCode    string
	Address        string
	Link           string
	StartsAt       time.Time
	EndsAt         time.Time
	Capacity       int
	Stands         int
}

// Create saves a published event organised by the Département (staff) or
// by one of the actor's organisations, verified by staff.
func (s *Service) Create(ctx context.Context, actor *domain.User, in EventInput) (*domain.Event, error) {
	e := &domain.Event{ID: domain.NewID("event"), Kind: in.Kind, Title: strings.TrimSpace(in.Title),
		Description: strings.TrimSpace(in.Description), Audiences: in.Audiences, CreatedBy: actor.ID, Online: in.Online,
		StartsAt: in.StartsAt, EndsAt: in.EndsAt, Capacity: in.Capacity, Stands: in.Stands,
		Status: domain.EventPublished, Holders: []string{}, CreatedAt: s.now()}
	if err := s.organiser(ctx, actor, in.OrganisationID, e); err != nil {
		return nil, err
	}
	if e.Online {
		e.Link = strings.TrimSpace(in.Link)
	} else {
		e.CommuneCode, e.Address = in.CommuneCode, strings.TrimSpace(in.Address)
	}
	if err := domain.ValidateEvent(e, knownCommune, s.now()); err != nil {
		return nil, err
	}
	e.SeatsLeft, e.StandsLeft = e.Capacity, e.Stands
	if err := s.store.InsertEvent(ctx, e); err != nil {
		return nil, err
	}
	s.audit(ctx, actor, AuditEventCreated, e.ID, e.Title)
	return e, nil
}

// organiser sets who organises e: the Département for staff without an
// organisation, else one of the actor's verified organisations.
func (s *Service) organiser(ctx context.Context, actor *domain.User, orgID string, e *domain.Event) error {
	if orgID == "" {
		if actor == nil || !actor.HasRole(domain.RoleStaff) {
			return domain.FieldError("organisation_id", "error.event.organiser")
		}
		return nil
	}
	if !memberOf(actor, orgID, domain.RoleEmployer, domain.RoleCounsellor, domain.RoleApplicant) {
		return errForbidden
	}
	org, err := s.store.OrganisationByID(ctx, orgID)
	if err != nil {
		return err
	}
	if !org.Verified {
		return domain.FieldError("organisation_id", "error.event.unverified")
	}
	e.OrganisationID, e.OrganisationName = org.ID, org.Name
	return nil
}

// MayCreate reports whether the actor may create events: staff, or a member
// of a verified organisation among orgs (the actor's).
func MayCreate(actor *domain.User, orgs []domain.Organisation) bool {
	if actor.HasRole(domain.RoleStaff) {
		return true
	}
	for _, o := range orgs {
		if o.Verified {
			return true
		}
	}
	return false
}

// Event returns a published or cancelled event, for its public page.
func (s *Service) Event(ctx context.Context, id string) (*domain.Event, error) {
	return s.store.EventByID(ctx, id)
}

// List returns one page of the published events the filter picks, soonest
// first; upcoming keeps those not yet ended.
func (s *Service) List(ctx context.Context, f domain.EventFilter, upcoming bool, r domain.PageRequest) (domain.Page[domain.Event], error) {
	f.Published = true
	if upcoming {
		f.EndsAfter = s.now()
	}
	return s.store.EventsPage(ctx, f, r)
}

// Upcoming returns every published event not yet ended, soonest first:
// the search page's block keeps them in memory (a read model) and picks
// with Matching.
func (s *Service) Upcoming(ctx context.Context) ([]domain.Event, error) {
	return s.store.Events(ctx, domain.EventFilter{Published: true, EndsAfter: s.now()})
}

// Matching returns up to limit of the events, in their order, that happen in
// one of communes (any when none; online events everywhere) and whose title
// or description holds every word of text, ignoring case and accents: the
// search page's « Événements à venir », without a search engine of its own.
func Matching(list []domain.Event, communes []string, text string, limit int) []domain.Event {
	words := strings.Fields(refdata.Fold(text))
	var found []domain.Event
	for _, e := range list {
		if len(found) == limit {
			break
		}
		inPlace := len(communes) == 0 || e.Online || slices.Contains(communes, e.CommuneCode)
		if inPlace && containsAll(refdata.Fold(e.Title+" "+e.Description), words) {
			found = append(found, e)
		}
	}
	return found
}

// Named returns the events of these ids, for the names of the audit log.
func (s *Service) Named(ctx context.Context, ids []string) ([]domain.Event, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	return s.store.Events(ctx, domain.EventFilter{IDs: ids})
}

// Organised returns the events the actor manages, soonest first: every event
// for staff, those of their organisations for others.
func (s *Service) Organised(ctx context.Context, actor *domain.User) ([]domain.Event, error) {
	if actor.HasRole(domain.RoleStaff) {
		return s.store.Events(ctx, domain.EventFilter{})
	}
	var all []domain.Event
	for _, org := range actor.OrganisationIDs {
		events, err := s.store.Events(ctx, domain.EventFilter{OrganisationID: org})
		if err != nil {
			return nil, err
		}
		all = append(all, events...)
	}
	return all, nil
}

// CancelEvent cancels an event before it begins; every registrant is told.
func (s *Service) CancelEvent(ctx context.Context, actor *domain.User, id string) (*domain.Event, error) {
	e, err := s.store.EventByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !Organises(actor, e) {
		return nil, errForbidden
	}
	if err := domain.EventOpen(e, s.now()); err != nil {
		return nil, err
	}
	if ok, err := s.store.MoveEvent(ctx, id, []domain.EventStatus{domain.EventPublished}, domain.EventCancelled); err != nil || !ok {
		return nil, orConflict(err)
	}
	e.Status = domain.EventCancelled
	s.audit(ctx, actor, AuditEventCancelled, e.ID, e.Title)
	regs, err := s.store.Registrations(ctx, domain.RegistrationFilter{EventIDs: []string{e.ID}})
	if err != nil {
		return e, err
	}
	var ns []domain.Notice
	for i := range regs {
		if regs[i].Status.Active() {
			ns = append(ns, registrationNotice(&regs[i], e, "event_cancelled"))
		}
	}
	s.notify(ctx, ns...)
	return e, nil
}

func orConflict(err error) error {
	if err != nil {
		return err
	}
	return &domain.Error{Code: domain.ECONFLICT, Message: "error.event.changed"}
}

func containsAll(text string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}
