package progress

import (
	"context"

	"passerelle/app/domain"
)

// AddCoEditor lets another applicant of the same organisation edit the file.
func (s *Service) AddCoEditor(ctx context.Context, actor *domain.User, id, userID string) error {
	g, err := s.applicantFile(ctx, actor, id)
	if err != nil {
		return err
	}
	if !g.State.Editable() {
		return &domain.Error{Code: domain.ECONFLICT, Message: "error.grant.locked"}
	}
	if g.IsEditor(userID) {
		return nil
	}
	u, err := s.store.UserByID(ctx, userID)
	if err != nil || !u.HasRole(domain.RoleApplicant) || !memberOf(u, g.OrganisationID) {
		return domain.FieldError("co_editor", "error.grant.co_editor_organisation")
	}
	return s.store.AddGrantEditor(ctx, g.ID, g.State, userID, s.now())
}
