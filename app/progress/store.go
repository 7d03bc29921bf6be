package progress

import (
	"context"
	"time"

	"passerelle/app/domain"
)

// Store is what the call for projects needs from the database.
type Store interface {
	CallByID(ctx context.Context, id string) (*domain.Call, error)
	SaveCall(ctx context.Context, c domain.Call) error
	OrganisationByID(ctx context.Context, id string) (*domain.Organisation, error)
	UserByID(ctx context.Context, id string) (*domain.User, error)
	UserByEmail(ctx context.Context, email string) (*domain.User, error)
	UsersByID(ctx context.Context, ids []string) ([]domain.User, error)
	AppendAudit(ctx context.Context, e domain.AuditEvent) error

	InsertGrant(ctx context.Context, g domain.GrantApplication) error
	GrantByID(ctx context.Context, id string) (*domain.GrantApplication, error)
	GrantsByCall(ctx context.Context, callID string) ([]domain.GrantApplication, error)
	GrantsByOrganisations(ctx context.Context, orgIDs []string) ([]domain.GrantApplication, error)
	GrantsByIDs(ctx context.Context, ids []string) ([]domain.GrantApplication, error)
	Calls(ctx context.Context) ([]domain.Call, error)
	ReviewsByReviewer(ctx context.Context, reviewerID string) ([]domain.Review, error)
	SaveGrantSection(ctx context.Context, id string, state domain.GrantState, section string, value any, at time.Time) error
	AddGrantAttachment(ctx context.Context, id string, state domain.GrantState, a domain.Attachment, at time.Time) error
	RemoveGrantAttachment(ctx context.Context, id string, state domain.GrantState, a domain.Attachment, at time.Time) error
	AddGrantEditor(ctx context.Context, id string, state domain.GrantState, userID string, at time.Time) error
	TransitionGrant(ctx context.Context, g *domain.GrantApplication, change domain.StateChange) error
	InsertGrantVersion(ctx context.Context, v domain.GrantVersion) error
	GrantVersions(ctx context.Context, grantID string) ([]domain.GrantVersion, error)
	InsertGrantNote(ctx context.Context, n domain.GrantNote) error
	GrantNotes(ctx context.Context, grantID string, kinds ...domain.NoteKind) ([]domain.GrantNote, error)
	PutFile(ctx context.Context, id, name string, data []byte) error
	ReadFile(ctx context.Context, id string) ([]byte, error)
	DeleteFile(ctx context.Context, id string) error

	ReviewerPool(ctx context.Context) ([]domain.User, error)
	InsertReviews(ctx context.Context, reviews []domain.Review) error
	ReviewByID(ctx context.Context, id string) (*domain.Review, error)
	ReviewsByGrant(ctx context.Context, grantID string) ([]domain.Review, error)
	ReviewsByCall(ctx context.Context, callID string) ([]domain.Review, error)
	DeclareConflict(ctx context.Context, id, reason string) error
	SubmitReview(ctx context.Context, r domain.Review, at time.Time) error

	CommitAward(ctx context.Context, call *domain.Call, grantID string, amount domain.Money) (bool, error)
	RecordAward(ctx context.Context, a domain.Award) error
	SetAwardDate(ctx context.Context, grantID, field string, at any) error
	AwardsByCall(ctx context.Context, callID string) ([]domain.Award, error)
}
