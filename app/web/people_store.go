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
	FindOrganisations(ctx context.Context, q string, skip, limit int) ([]domain.Organisation, error)
	CountOrganisationsMatching(ctx context.Context, q string) (int, error)
	Structures(ctx context.Context) ([]domain.Organisation, error)
	UserWebSessions(ctx context.Context, userID string) ([]domain.WebSession, error)
	FindUsers(ctx context.Context, q string, skip, limit int) ([]domain.User, error)
	CountUsersMatching(ctx context.Context, q string) (int, error)
	LatestAudit(ctx context.Context, id string, limit int) ([]domain.AuditEvent, error)
}
