package events

import (
	"context"
	"fmt"
	"strings"

	"passerelle/app/domain"
)

// RegistrationInput is a request to register to an event.
type RegistrationInput struct {
	EventID        string
	Kind           domain.RegistrationKind
	OrganisationID string // the school, structure, company or association; none for a youth
	GroupName      string
	Places         int    // a group's or a person's party; 1 for a youth and a stand
	RequestKey     string // optional idempotency key: the same key registers once
}

// Register registers the actor. The registration is saved first, waiting;
// then its places are taken in one conditional update of the event (never
// over capacity, whatever the concurrency), and it is confirmed. When the
// event is full it stays on the waitlist, which moves up in order as places
// free. A crash between the writes leaves it waiting with its places held:
// taking them again is a no-op that succeeds, so the next promotion
// confirms it. A retried request (same key) returns the first registration.
func (s *Service) Register(ctx context.Context, actor *domain.User, in RegistrationInput) (*domain.EventRegistration, error) {
	if in.RequestKey != "" {
		if r, err := s.store.RegistrationByID(ctx, keyedID(actor, in)); err == nil {
			return r, nil
		}
	}
	r, e, err := s.newRegistration(ctx, actor, in)
	if err != nil {
		return nil, err
	}
	if err := s.store.InsertRegistration(ctx, r); err != nil {
		return s.sameRequest(ctx, r, in, err)
	}
	took, err := s.confirm(ctx, r, e)
	if err != nil {
		return r, err
	}
	s.audit(ctx, actor, AuditRegistrationCreated, e.ID, who(r))
	if !took {
		s.notify(ctx, registrationNotice(r, e, "event_waitlisted"))
	}
	return r, nil
}

// confirm takes the registration's places and confirms it; it reports
// whether the places were free.
func (s *Service) confirm(ctx context.Context, r *domain.EventRegistration, e *domain.Event) (bool, error) {
	took, err := s.store.TakeEventPlaces(ctx, e.ID, r.Kind.Pool(), r.Hold())
	if err != nil || !took {
		return false, err
	}
	moved, err := s.store.MoveRegistration(ctx, r.ID, []domain.RegistrationStatus{domain.RegistrationWaitlisted},
		domain.RegistrationConfirmed, s.now())
	if err != nil {
		return false, err
	}
	if !moved {
		return s.confirmedMeanwhile(ctx, r, e)
	}
	r.Status = domain.RegistrationConfirmed
	n := registrationNotice(r, e, "event_registered")
	n.Attachments = []domain.EmailAttachment{{Filename: "evenement.ics", ContentType: "text/calendar; charset=utf-8",
		Data: Calendar(e, r)}}
	s.notify(ctx, n, guardianNotice(r, e))
	return true, nil
}

// confirmedMeanwhile settles a registration that left the waitlist while its
// places were being taken: a concurrent promotion confirmed it (the places
// are its own), or it was cancelled (they go back).
func (s *Service) confirmedMeanwhile(ctx context.Context, r *domain.EventRegistration, e *domain.Event) (bool, error) {
	now, err := s.store.RegistrationByID(ctx, r.ID)
	if err != nil {
		return false, err
	}
	if now.Status == domain.RegistrationConfirmed {
		*r = *now
		return true, nil
	}
	return false, s.store.ReleaseEventPlaces(ctx, e.ID, r.Kind.Pool(), r.Hold())
}

// newRegistration checks the request and returns the registration to save,
// waiting for its places.
func (s *Service) newRegistration(ctx context.Context, actor *domain.User, in RegistrationInput) (*domain.EventRegistration, *domain.Event, error) {
	e, err := s.store.EventByID(ctx, in.EventID)
	if err != nil {
		return nil, nil, err
	}
	if err := domain.EventOpen(e, s.now()); err != nil {
		return nil, nil, err
	}
	now := s.now()
	r := &domain.EventRegistration{EventID: e.ID, Kind: in.Kind, UserID: actor.ID,
		Name: actor.Name, Email: actor.Email, RequestKey: in.RequestKey, GroupName: strings.TrimSpace(in.GroupName), Places: in.Places,
		Status: domain.RegistrationWaitlisted, CreatedAt: now, UpdatedAt: now}
	if err := s.registrant(ctx, actor, in, r); err != nil {
		return nil, nil, err
	}
	if err := domain.ValidateRegistration(e, r); err != nil {
		return nil, nil, err
	}
	id, err := s.registrationID(ctx, actor, in, e, r)
	if err != nil {
		return nil, nil, err
	}
	r.ID = id
	return r, e, nil
}

// sameRequest answers an insert that found its id taken: a retried request
// gets the registration it made; another request for the same youth or
// company is refused.
func (s *Service) sameRequest(ctx context.Context, r *domain.EventRegistration, in RegistrationInput, insertErr error) (*domain.EventRegistration, error) {
	if domain.ErrorCode(insertErr) != domain.ECONFLICT {
		return nil, insertErr
	}
	first, err := s.store.RegistrationByID(ctx, r.ID)
	if err != nil {
		return nil, err
	}
	if in.RequestKey == "" || first.RequestKey != in.RequestKey {
		return nil, errAlreadyRegistered
	}
	return first, nil
}

var errAlreadyRegistered = &domain.Error{Code: domain.ECONFLICT, Message: "error.event.already_registered"}

// registrant checks who registers for whom, by kind: a youth alone from 15
// (the age rule of the youth programme), a counsellor for a group of their
// school or structure, an employer for a stand of their company, a member of
// an association or a company for themselves and colleagues.
func (s *Service) registrant(ctx context.Context, actor *domain.User, in RegistrationInput, r *domain.EventRegistration) error {
	switch in.Kind {
	case domain.RegisterYouth:
		if !actor.HasRole(domain.RoleYouth) {
			return errForbidden
		}
		y, err := s.store.YouthByID(ctx, actor.ID)
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			return &domain.Error{Code: domain.EFORBIDDEN, Message: "error.event.youth_profile"}
		}
		if err != nil {
			return err
		}
		if err := domain.YouthMayRegister(y, s.now()); err != nil {
			return err
		}
		if y.Age(s.now()) < domain.AdultAge {
			r.GuardianEmail = y.GuardianEmail // a minor's guardian is informed, as of applications
		}
		r.Places = 1
		return nil
	case domain.RegisterGroup:
		return s.forOrganisation(ctx, actor, in, r, domain.RoleCounsellor)
	case domain.RegisterStand:
		r.Places = 1
		return s.forOrganisation(ctx, actor, in, r, domain.RoleEmployer)
	case domain.RegisterPerson:
		return s.forOrganisation(ctx, actor, in, r, domain.RoleApplicant, domain.RoleEmployer)
	}
	return domain.FieldError("kind", "error.event.registration_kind")
}

func (s *Service) forOrganisation(ctx context.Context, actor *domain.User, in RegistrationInput, r *domain.EventRegistration, roles ...domain.Role) error {
	if !memberOf(actor, in.OrganisationID, roles...) {
		return errForbidden
	}
	org, err := s.store.OrganisationByID(ctx, in.OrganisationID)
	if err != nil {
		return err
	}
	r.OrganisationID, r.OrganisationName = org.ID, org.Name
	return nil
}

// registrationID names a registration. A youth registers once to an event,
// and a company holds one stand: their ids are derived from who they are
// and how many of their registrations were cancelled before, so that two
// concurrent requests collide on the unique id and one only is saved.
// Others (a counsellor may bring several groups) are named by the request
// key, so that a retried request registers once.
func (s *Service) registrationID(ctx context.Context, actor *domain.User, in RegistrationInput, e *domain.Event, r *domain.EventRegistration) (string, error) {
	who := actor.ID
	switch r.Kind {
	case domain.RegisterStand:
		who = r.OrganisationID
	case domain.RegisterYouth:
	default:
		return keyedID(actor, in), nil
	}
	regs, err := s.store.Registrations(ctx, domain.RegistrationFilter{EventIDs: []string{e.ID}})
	if err != nil {
		return "", err
	}
	before := 0
	for _, other := range regs {
		if other.Kind != r.Kind || (other.UserID != who && other.OrganisationID != who) {
			continue
		}
		if other.Status.Active() {
			if in.RequestKey != "" && other.RequestKey == in.RequestKey {
				return other.ID, nil // the same request again: the insert finds it taken, and answers with it
			}
			return "", errAlreadyRegistered
		}
		before++
	}
	return fmt.Sprintf("evreg-%s-%s-%s-%d", e.ID, r.Kind, who, before), nil
}

// keyedID derives the id from the request key, so that a retried request
// finds its first registration instead of registering twice.
func keyedID(actor *domain.User, in RegistrationInput) string {
	if in.RequestKey == "" {
		return domain.NewID("evreg")
	}
	return "evreg-" + in.EventID + "-" + actor.ID + "-" + in.RequestKey
}

// CancelRegistration cancels a registration before the event, by the person
// who made it or a member of the organisation it is for. Its places go back
// and the waitlist moves up.
func (s *Service) CancelRegistration(ctx context.Context, actor *domain.User, id string) (*domain.EventRegistration, *domain.Event, error) {
	r, e, err := s.registrationOf(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	if r.UserID != actor.ID && !memberOf(actor, r.OrganisationID, domain.RoleCounsellor, domain.RoleEmployer, domain.RoleApplicant) {
		return nil, nil, errForbidden
	}
	if !e.StartsAt.After(s.now()) {
		return nil, nil, &domain.Error{Code: domain.ECONFLICT, Message: "error.event.started"}
	}
	was := r.Status
	if !was.Active() {
		return nil, nil, orConflict(nil)
	}
	moved, err := s.store.MoveRegistration(ctx, r.ID, []domain.RegistrationStatus{was}, domain.RegistrationCancelled, s.now())
	if err != nil || !moved {
		return nil, nil, orConflict(err)
	}
	r.Status = domain.RegistrationCancelled
	s.audit(ctx, actor, AuditRegistrationCancel, e.ID, who(r))
	if was == domain.RegistrationConfirmed {
		if err := s.store.ReleaseEventPlaces(ctx, e.ID, r.Kind.Pool(), r.Hold()); err != nil {
			return r, e, err
		}
	}
	return r, e, s.promote(ctx, e.ID)
}

// promote gives freed places to the waitlist, oldest request first,
// skipping a party too large for what is left so that a smaller one may
// come in. Each step is one conditional update, so concurrent promotions
// never give a place twice.
func (s *Service) promote(ctx context.Context, eventID string) error {
	e, err := s.store.EventByID(ctx, eventID)
	if err != nil {
		return err
	}
	waiting, err := s.store.Registrations(ctx, domain.RegistrationFilter{EventIDs: []string{eventID}})
	if err != nil {
		return err
	}
	left := map[domain.Pool]int{domain.PoolSeats: e.SeatsLeft, domain.PoolStands: e.StandsLeft}
	for i := range waiting {
		r := &waiting[i]
		if r.Status != domain.RegistrationWaitlisted || r.Places > left[r.Kind.Pool()] {
			continue
		}
		took, err := s.confirm(ctx, r, e)
		if err != nil {
			return err
		}
		if took {
			left[r.Kind.Pool()] -= r.Places
		}
	}
	return nil
}

func (s *Service) registrationOf(ctx context.Context, id string) (*domain.EventRegistration, *domain.Event, error) {
	r, err := s.store.RegistrationByID(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	e, err := s.store.EventByID(ctx, r.EventID)
	return r, e, err
}

// MarkAttendance records, once the event has begun, whether a confirmed
// registrant came; only the organiser records it.
func (s *Service) MarkAttendance(ctx context.Context, actor *domain.User, id string, to domain.RegistrationStatus) (*domain.EventRegistration, error) {
	r, e, err := s.registrationOf(ctx, id)
	if err != nil {
		return nil, err
	}
	if !Organises(actor, e) {
		return nil, errForbidden
	}
	if err := domain.ValidateEventAttendance(e, to, s.now()); err != nil {
		return nil, err
	}
	from := []domain.RegistrationStatus{domain.RegistrationConfirmed, domain.RegistrationAttended, domain.RegistrationNoShow}
	moved, err := s.store.MoveRegistration(ctx, r.ID, from, to, s.now())
	if err != nil || !moved {
		return nil, orConflict(err)
	}
	r.Status = to
	s.audit(ctx, actor, AuditAttendance, e.ID, who(r))
	return r, nil
}

// Registrations returns an event's registrations, oldest first, for its
// organiser.
func (s *Service) Registrations(ctx context.Context, actor *domain.User, e *domain.Event) ([]domain.EventRegistration, error) {
	if !Organises(actor, e) {
		return nil, errForbidden
	}
	return s.store.Registrations(ctx, domain.RegistrationFilter{EventIDs: []string{e.ID}})
}

// Mine is one of the actor's registrations with its event.
type Mine struct {
	Registration domain.EventRegistration
	Event        domain.Event
}

// MyRegistrations returns the registrations the actor made or that are for
// one of their organisations, each with its event, soonest event first.
func (s *Service) MyRegistrations(ctx context.Context, actor *domain.User) ([]Mine, error) {
	own, err := s.store.Registrations(ctx, domain.RegistrationFilter{UserID: actor.ID})
	if err != nil {
		return nil, err
	}
	regs := own
	if len(actor.OrganisationIDs) > 0 {
		ofOrgs, err := s.store.Registrations(ctx, domain.RegistrationFilter{OrganisationIDs: actor.OrganisationIDs})
		if err != nil {
			return nil, err
		}
		regs = mergeByID(own, ofOrgs)
	}
	return s.withEvents(ctx, regs)
}

// withEvents pairs registrations with their events, read in one query,
// soonest event first.
func (s *Service) withEvents(ctx context.Context, regs []domain.EventRegistration) ([]Mine, error) {
	ids := make([]string, 0, len(regs))
	for _, r := range regs {
		ids = append(ids, r.EventID)
	}
	events, err := s.store.Events(ctx, domain.EventFilter{IDs: ids})
	if err != nil {
		return nil, err
	}
	var mine []Mine
	for _, e := range events { // soonest first
		for _, r := range regs {
			if r.EventID == e.ID {
				mine = append(mine, Mine{Registration: r, Event: e})
			}
		}
	}
	return mine, nil
}

func mergeByID(a, b []domain.EventRegistration) []domain.EventRegistration {
	seen := map[string]bool{}
	var all []domain.EventRegistration
	for _, r := range append(a, b...) {
		if !seen[r.ID] {
			seen[r.ID] = true
			all = append(all, r)
		}
	}
	return all
}

// RegistrationFor returns a registration and its event to the person who
// made it, a member of the organisation it is for, or the organiser.
func (s *Service) RegistrationFor(ctx context.Context, actor *domain.User, id string) (*domain.EventRegistration, *domain.Event, error) {
	r, e, err := s.registrationOf(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	if r.UserID != actor.ID && !memberOf(actor, r.OrganisationID, domain.RoleCounsellor, domain.RoleEmployer, domain.RoleApplicant) && !Organises(actor, e) {
		return nil, nil, errForbidden
	}
	return r, e, nil
}

// MineAt returns the actor's registrations to one event: made by them or
// for one of their organisations.
func (s *Service) MineAt(ctx context.Context, actor *domain.User, eventID string) ([]domain.EventRegistration, error) {
	regs, err := s.store.Registrations(ctx, domain.RegistrationFilter{EventIDs: []string{eventID}})
	if err != nil {
		return nil, err
	}
	var mine []domain.EventRegistration
	for _, r := range regs {
		if r.UserID == actor.ID || memberOf(actor, r.OrganisationID, domain.RoleCounsellor, domain.RoleEmployer, domain.RoleApplicant) {
			mine = append(mine, r)
		}
	}
	return mine, nil
}

// who names a registration in the audit log: the person, and the group or
// organisation it is for.
func who(r *domain.EventRegistration) string {
	name := r.Name
	if r.OrganisationName != "" {
		name += " — " + r.OrganisationName
	}
	if r.GroupName != "" {
		name += " (" + r.GroupName + ")"
	}
	return name
}
