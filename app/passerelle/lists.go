package passerelle

import (
	"context"

	"passerelle/app/domain"
)

// OffersOf returns the offers of an organisation the actor employs at.
func (s *Service) OffersOf(ctx context.Context, actor *domain.User, orgID string) ([]domain.Offer, error) {
	if err := mustEmploy(actor, orgID); err != nil {
		return nil, err
	}
	return s.store.OffersOfOrganisation(ctx, orgID)
}

// ModerationQueue returns the offers waiting for a staff decision, oldest first.
func (s *Service) ModerationQueue(ctx context.Context, actor *domain.User) ([]domain.Offer, error) {
	if err := mustBeStaff(actor); err != nil {
		return nil, err
	}
	return s.store.OffersWithStatus(ctx, domain.OfferPending)
}

// OfferSessions returns an offer and its sessions, soonest first. The
// sessions of an offer that is not published are seen only where the offer
// is: by its organisation's employers and by staff; anyone else is told, as
// on the offer's page, that there is no such offer.
func (s *Service) OfferSessions(ctx context.Context, actor *domain.User, offerID string) (*domain.Offer, []domain.VisitSession, error) {
	o, err := s.store.OfferByID(ctx, offerID)
	if err != nil {
		return nil, nil, err
	}
	if !o.Status.Open() && !memberOf(actor, domain.RoleEmployer, o.OrganisationID) && mustBeStaff(actor) != nil {
		return nil, nil, &domain.Error{Code: domain.ENOTFOUND, Message: "error.offer.not_found"}
	}
	sessions, err := s.store.SessionsOfOffers(ctx, []string{o.ID})
	return o, sessions, err
}

// BookingsFor returns what the actor may see of bookings: a counsellor their
// own, an employer those of their organisations, staff all of them.
func (s *Service) BookingsFor(ctx context.Context, actor *domain.User) ([]domain.Booking, error) {
	switch {
	case actor == nil:
		return nil, errForbidden
	case actor.HasRole(domain.RoleStaff):
		return s.store.AllBookings(ctx)
	case actor.HasRole(domain.RoleCounsellor):
		return s.store.BookingsWhere(ctx, "counsellor_id", actor.ID)
	}
	return collect(actor, domain.RoleEmployer, func(orgID string) ([]domain.Booking, error) {
		return s.store.BookingsWhere(ctx, "organisation_id", orgID)
	})
}

// ApplicationsFor returns what the actor may see of applications: a youth
// their own, an employer those to their organisations' offers, staff all.
func (s *Service) ApplicationsFor(ctx context.Context, actor *domain.User) ([]domain.Application, error) {
	switch {
	case actor != nil && actor.HasRole(domain.RoleYouth):
		return s.store.ApplicationsWhere(ctx, "youth_id", actor.ID)
	case mustBeStaff(actor) == nil:
		return s.store.AllApplications(ctx)
	}
	return collect(actor, domain.RoleEmployer, func(orgID string) ([]domain.Application, error) {
		return s.store.ApplicationsWhere(ctx, "organisation_id", orgID)
	})
}

// collect gathers the items of each organisation the actor holds role in:
// one query per organisation, and a person belongs to very few.
func collect[T any](actor *domain.User, role domain.Role, of func(orgID string) ([]T, error)) ([]T, error) {
	if actor == nil || !actor.HasRole(role) {
		return nil, errForbidden
	}
	items := []T{}
	for _, orgID := range actor.OrganisationIDs {
		found, err := of(orgID)
		if err != nil {
			return nil, err
		}
		items = append(items, found...)
	}
	return items, nil
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
	if mustBeStaff(actor) == nil {
		return s.store.AllOffers(ctx)
	}
	return collect(actor, domain.RoleEmployer, func(orgID string) ([]domain.Offer, error) {
		return s.store.OffersOfOrganisation(ctx, orgID)
	})
}
