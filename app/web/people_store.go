package web

import (
	"context"

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
	LatestAudit(ctx context.Context, id string, limit int) ([]domain.AuditEvent, error)
	PublishedOffersOf(ctx context.Context, orgID string, limit int) ([]domain.Offer, error)
	PublishedTestimonies(ctx context.Context, orgID, family string, limit int) ([]domain.Testimony, error)
	PendingTestimonies(ctx context.Context, r domain.PageRequest) (domain.Page[domain.Testimony], error)
}
