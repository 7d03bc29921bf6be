package web

import (
	"cmp"
	"context"
	"slices"

	"passerelle/app/domain"
)

// PeopleStore is what the account, organisation and back-office pages read.
type PeopleStore interface {
	OrganisationByID(ctx context.Context, id string) (*domain.Organisation, error)
	OrganisationsByIDs(ctx context.Context, ids []string) ([]domain.Organisation, error)
	OrganisationMembers(ctx context.Context, orgID string) ([]domain.User, error)
	OrganisationsPage(ctx context.Context, q string, r domain.PageRequest) (domain.Page[domain.Organisation], error)
	Structures(ctx context.Context) ([]domain.Organisation, error)
	UserWebSessions(ctx context.Context, userID string) ([]domain.WebSession, error)
	UsersPage(ctx context.Context, q string, r domain.PageRequest) (domain.Page[domain.User], error)
	UsersByID(ctx context.Context, ids []string) ([]domain.User, error)
	LatestAudit(ctx context.Context, id string, limit int) ([]domain.AuditEvent, error)
	PublishedOffersOf(ctx context.Context, orgID string, limit int) ([]domain.Offer, error)
	PublishedTestimonies(ctx context.Context, orgID, family string, limit int) ([]domain.Testimony, error)
	PendingTestimonies(ctx context.Context, r domain.PageRequest) (domain.Page[domain.Testimony], error)
	OffersByIDs(ctx context.Context, ids []string) ([]domain.Offer, error)
	GrantsByIDs(ctx context.Context, ids []string) ([]domain.GrantApplication, error)
	BookingsByIDs(ctx context.Context, ids []string) ([]domain.Booking, error)
	ApplicationsByIDs(ctx context.Context, ids []string) ([]domain.Application, error)
	SupportRequestsByIDs(ctx context.Context, ids []string) ([]domain.SupportRequest, error)
}

// peopleNames returns the names of the users and organisations among ids,
// in two queries, for pages that would otherwise show ids: an id without a
// name (a deleted account) is left out.
func (s *Server) peopleNames(ctx context.Context, ids []string) (map[string]string, error) {
	names := map[string]string{}
	ids = slices.Compact(slices.Sorted(slices.Values(slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return id == "" }))))
	if len(ids) == 0 {
		return names, nil
	}
	users, err := s.deps.People.UsersByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	for _, u := range users {
		names[u.ID] = cmp.Or(u.Name, u.Email)
	}
	orgs, err := s.deps.People.OrganisationsByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	for _, o := range orgs {
		names[o.ID] = o.Name
	}
	return names, nil
}
