package progress

import (
	"context"
	"strings"

	"passerelle/app/domain"
)

// Annotate adds a private staff note to a file.
func (s *Service) Annotate(ctx context.Context, actor *domain.User, id, body string) error {
	g, err := s.staffFile(ctx, actor, id)
	if err != nil {
		return err
	}
	return s.addNote(ctx, actor, g, domain.NoteAnnotation, body)
}

// SendMessage adds a message between staff and the applicant.
func (s *Service) SendMessage(ctx context.Context, actor *domain.User, id, body string) error {
	g, err := s.messageParty(ctx, actor, id)
	if err != nil {
		return err
	}
	return s.addNote(ctx, actor, g, domain.NoteMessage, body)
}

// Notes returns what the actor may read of a file's notes: staff read
// annotations and messages, applicants the messages only.
func (s *Service) Notes(ctx context.Context, actor *domain.User, id string) ([]domain.GrantNote, error) {
	g, err := s.messageParty(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	if actor.HasRole(domain.RoleStaff) {
		return s.store.GrantNotes(ctx, g.ID, domain.NoteMessage, domain.NoteAnnotation)
	}
	return s.store.GrantNotes(ctx, g.ID, domain.NoteMessage)
}

// messageParty returns the file to staff and to its editors.
func (s *Service) messageParty(ctx context.Context, actor *domain.User, id string) (*domain.GrantApplication, error) {
	if actor.HasRole(domain.RoleStaff) {
		return s.store.GrantByID(ctx, id)
	}
	return s.applicantFile(ctx, actor, id)
}

func (s *Service) addNote(ctx context.Context, actor *domain.User, g *domain.GrantApplication, kind domain.NoteKind, body string) error {
	body = strings.TrimSpace(body)
	if body == "" {
		return domain.FieldError("body", "error.grant.note_empty")
	}
	return s.store.InsertGrantNote(ctx, domain.GrantNote{ID: domain.NewID(""), GrantID: g.ID, Kind: kind, AuthorID: actor.ID, Body: body, At: s.now()})
}

// VersionDiff is a submitted version and what changed since the previous one.
type VersionDiff struct {
	Version domain.GrantVersion
	Before  domain.GrantContent // the version before, when Changes is set
	Changes []domain.Change
}

// Versions returns a file's submitted versions with their differences, for staff.
func (s *Service) Versions(ctx context.Context, actor *domain.User, id string) ([]VersionDiff, error) {
	g, err := s.staffFile(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	versions, err := s.store.GrantVersions(ctx, g.ID)
	diffs := make([]VersionDiff, len(versions))
	for i, v := range versions {
		diffs[i].Version = v
		if i > 0 {
			diffs[i].Before, diffs[i].Changes = versions[i-1].Content, domain.Diff(versions[i-1].Content, v.Content)
		}
	}
	return diffs, err
}
