package progress

import (
	"context"
	"strings"

	"passerelle/app/domain"
)

// AuditCoEditorAdded is the audited action of naming a co-editor.
const AuditCoEditorAdded = "progress.co_editor_added"

var errNotAuthor = &domain.Error{Code: domain.EFORBIDDEN, Message: "error.grant.co_editor_author"}

// AddCoEditor lets another applicant of the same organisation edit the file.
func (s *Service) AddCoEditor(ctx context.Context, actor *domain.User, id, userID string) error {
	g, err := s.applicantFile(ctx, actor, id)
	if err != nil {
		return err
	}
	u, err := s.store.UserByID(ctx, userID)
	if err != nil {
		u = nil
	}
	return s.addEditor(ctx, actor, g, u)
}

// InviteCoEditor is the author's naming, by their email, of another
// applicant of the organisation who then sees and edits the file with them.
// An address that is no such applicant gets the same answer whether or not
// it has an account, so that the form tells nothing about other people.
func (s *Service) InviteCoEditor(ctx context.Context, actor *domain.User, id, email string) (*domain.User, error) {
	g, err := s.applicantFile(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	if g.CreatedBy != actor.ID {
		return nil, errNotAuthor
	}
	u, err := s.store.UserByEmail(ctx, strings.ToLower(strings.TrimSpace(email)))
	if err != nil && domain.ErrorCode(err) != domain.ENOTFOUND {
		return nil, err
	}
	return u, s.addEditor(ctx, actor, g, u)
}

func (s *Service) addEditor(ctx context.Context, actor *domain.User, g *domain.GrantApplication, u *domain.User) error {
	if !g.State.Editable() {
		return &domain.Error{Code: domain.ECONFLICT, Message: "error.grant.locked"}
	}
	if u != nil && g.IsEditor(u.ID) {
		return nil
	}
	if u == nil || !u.HasRole(domain.RoleApplicant) || !memberOf(u, g.OrganisationID) {
		return domain.FieldError("co_editor", "error.grant.co_editor_organisation")
	}
	if err := s.store.AddGrantEditor(ctx, g.ID, g.State, u.ID, s.Now()); err != nil {
		return err
	}
	s.audit(ctx, actor.ID, AuditCoEditorAdded, "grant_application", g.ID, u.ID)
	return nil
}

// CoEditors returns the co-editors of a file the actor edits, to name them.
func (s *Service) CoEditors(ctx context.Context, actor *domain.User, g *domain.GrantApplication) ([]domain.User, error) {
	if !g.IsEditor(actor.ID) || len(g.EditorIDs) == 0 {
		return nil, nil
	}
	return s.store.UsersByID(ctx, g.EditorIDs)
}
