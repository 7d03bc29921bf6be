package passerelle

import (
	"context"

	"passerelle/app/domain"
)

// OffersPageOf returns one page of the offers of organisations the actor
// employs at, newest first.
func (s *Service) OffersPageOf(ctx context.Context, actor *domain.User, orgIDs []string, r domain.PageRequest) (domain.Page[domain.Offer], error) {
	if actor == nil || !actor.HasRole(domain.RoleEmployer) {
		return domain.Page[domain.Offer]{}, errForbidden
	}
	for _, orgID := range orgIDs {
		if err := mustEmploy(actor, orgID); err != nil {
			return domain.Page[domain.Offer]{}, err
		}
	}
	return s.store.OffersPage(ctx, domain.OfferFilter{OrganisationIDs: append([]string{}, orgIDs...)}, r)
}

// ModerationQueue returns one page of the offers waiting for a staff
// decision, oldest first.
func (s *Service) ModerationQueue(ctx context.Context, actor *domain.User, r domain.PageRequest) (domain.Page[domain.Offer], error) {
	if err := mustBeStaff(actor); err != nil {
		return domain.Page[domain.Offer]{}, err
	}
	return s.store.OffersPage(ctx, domain.OfferFilter{Status: domain.OfferPending, OldestFirst: true}, r)
}

// OfferSessions returns an offer and its sessions, soonest first. The
// sessions of an offer that is not published are seen only where the offer
// is: by its organisation's employers and by staff; anyone else is told, as
// on the offer's page, that there is no such offer.
func (s *Service) OfferSessions(ctx context.Context, actor *domain.User, offerID string) (*domain.Offer, []domain.VisitSession, error) {
	o, err := s.offerWithSessions(ctx, actor, offerID)
	if err != nil {
		return nil, nil, err
	}
	sessions, err := s.store.SessionsOfOffers(ctx, []string{o.ID})
	return o, sessions, err
}

// OfferSessionsPage returns one page of an offer's sessions, to whom
// OfferSessions returns them all.
func (s *Service) OfferSessionsPage(ctx context.Context, actor *domain.User, offerID string, r domain.PageRequest) (domain.Page[domain.VisitSession], error) {
	o, err := s.offerWithSessions(ctx, actor, offerID)
	if err != nil {
		return domain.Page[domain.VisitSession]{}, err
	}
	return s.store.SessionsPage(ctx, o.ID, r)
}

// offerWithSessions is the offer whose sessions the actor may see.
func (s *Service) offerWithSessions(ctx context.Context, actor *domain.User, offerID string) (*domain.Offer, error) {
	o, err := s.store.OfferByID(ctx, offerID)
	if err != nil {
		return nil, err
	}
	if !o.Status.Open() && !memberOf(actor, domain.RoleEmployer, o.OrganisationID) && mustBeStaff(actor) != nil {
		return nil, &domain.Error{Code: domain.ENOTFOUND, Message: "error.offer.not_found"}
	}
	return o, nil
}

// BookingsFor returns what the actor may see of bookings, for an export: a
// counsellor their own, an employer those of their organisations, staff all.
func (s *Service) BookingsFor(ctx context.Context, actor *domain.User) ([]domain.Booking, error) {
	f, err := bookingsSeenBy(actor)
	if err != nil {
		return nil, err
	}
	return s.store.Bookings(ctx, f)
}

// BookingsPageFor returns one page of what BookingsFor returns.
func (s *Service) BookingsPageFor(ctx context.Context, actor *domain.User, r domain.PageRequest) (domain.Page[domain.Booking], error) {
	f, err := bookingsSeenBy(actor)
	if err != nil {
		return domain.Page[domain.Booking]{}, err
	}
	return s.store.BookingsPage(ctx, f, r)
}

// bookingsSeenBy is the filter of the bookings the actor may see, staff's
// newest first, the others' oldest first.
func bookingsSeenBy(actor *domain.User) (domain.BookingFilter, error) {
	switch {
	case actor == nil:
		return domain.BookingFilter{}, errForbidden
	case actor.HasRole(domain.RoleStaff):
		return domain.BookingFilter{NewestFirst: true}, nil
	case actor.HasRole(domain.RoleCounsellor):
		return domain.BookingFilter{CounsellorID: actor.ID}, nil
	case actor.HasRole(domain.RoleEmployer):
		return domain.BookingFilter{OrganisationIDs: organisationsOf(actor)}, nil
	}
	return domain.BookingFilter{}, errForbidden
}

// ApplicationsFor returns what the actor may see of applications, for an
// export: a youth their own, an employer those to their organisations'
// offers, staff all.
func (s *Service) ApplicationsFor(ctx context.Context, actor *domain.User) ([]domain.Application, error) {
	f, err := applicationsSeenBy(actor)
	if err != nil {
		return nil, err
	}
	return s.store.Applications(ctx, f)
}

// ApplicationsPageFor returns one page of what ApplicationsFor returns.
func (s *Service) ApplicationsPageFor(ctx context.Context, actor *domain.User, r domain.PageRequest) (domain.Page[domain.Application], error) {
	f, err := applicationsSeenBy(actor)
	if err != nil {
		return domain.Page[domain.Application]{}, err
	}
	return s.store.ApplicationsPage(ctx, f, r)
}

func applicationsSeenBy(actor *domain.User) (domain.ApplicationFilter, error) {
	switch {
	case actor != nil && actor.HasRole(domain.RoleYouth):
		return domain.ApplicationFilter{YouthID: actor.ID}, nil
	case mustBeStaff(actor) == nil:
		return domain.ApplicationFilter{}, nil
	case actor != nil && actor.HasRole(domain.RoleEmployer):
		return domain.ApplicationFilter{OrganisationIDs: organisationsOf(actor)}, nil
	}
	return domain.ApplicationFilter{}, errForbidden
}

// organisationsOf is never nil, so that a person of no organisation sees
// nothing rather than everything.
func organisationsOf(actor *domain.User) []string {
	return append([]string{}, actor.OrganisationIDs...)
}

// BookingFor returns a booking the actor is a party to (or staff), with its session.
func (s *Service) BookingFor(ctx context.Context, actor *domain.User, id string) (*domain.Booking, *domain.VisitSession, error) {
	if mustBeStaff(actor) == nil {
		b, err := s.store.BookingByID(ctx, id)
		if err != nil {
			return nil, nil, err
		}
		vs, err := s.store.SessionByID(ctx, b.SessionID)
		return b, vs, err
	}
	b, vs, _, err := s.bookingForParty(ctx, actor, id)
	return b, vs, err
}

// CV returns the CV of an application, to its youth or an employer of the offer.
func (s *Service) CV(ctx context.Context, actor *domain.User, applicationID string) ([]byte, error) {
	a, err := s.store.ApplicationByID(ctx, applicationID)
	if err != nil {
		return nil, err
	}
	if (actor == nil || a.YouthID != actor.ID) && mustEmploy(actor, a.OrganisationID) != nil {
		return nil, errForbidden
	}
	if a.CVFileID == "" {
		return nil, &domain.Error{Code: domain.ENOTFOUND, Message: "error.application.no_cv"}
	}
	return s.store.ReadFile(ctx, a.CVFileID)
}

// OffersFor returns the offers the actor may export: staff all of them, an
// employer those of their organisations.
func (s *Service) OffersFor(ctx context.Context, actor *domain.User) ([]domain.Offer, error) {
	switch {
	case mustBeStaff(actor) == nil:
		return s.store.Offers(ctx, domain.OfferFilter{})
	case actor != nil && actor.HasRole(domain.RoleEmployer):
		return s.store.Offers(ctx, domain.OfferFilter{OrganisationIDs: organisationsOf(actor)})
	}
	return nil, errForbidden
}
