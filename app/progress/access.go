package progress

import (
	"context"

	"passerelle/app/domain"
)

// notFound hides whether a file exists from someone who may not see it, so
// that forged identifiers learn nothing.
func notFound() error { return &domain.Error{Code: domain.ENOTFOUND, Message: "error.grant.not_found"} }

func memberOf(u *domain.User, orgID string) bool {
	for _, id := range u.OrganisationIDs {
		if id == orgID {
			return true
		}
	}
	return false
}

// applicantFile returns a file the actor writes or co-edits: a member of
// the applying organisation named on the file.
func (s *Service) applicantFile(ctx context.Context, actor *domain.User, id string) (*domain.GrantApplication, error) {
	g, err := s.store.GrantByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !actor.HasRole(domain.RoleApplicant) || !memberOf(actor, g.OrganisationID) || !g.IsEditor(actor.ID) {
		return nil, notFound()
	}
	return g, nil
}

// staffFile returns a file for a staff member.
func (s *Service) staffFile(ctx context.Context, actor *domain.User, id string) (*domain.GrantApplication, error) {
	if !actor.HasRole(domain.RoleStaff) {
		return nil, notFound()
	}
	return s.store.GrantByID(ctx, id)
}

// fileLoader reads a file for an actor, checking their access to it.
type fileLoader func(ctx context.Context, actor *domain.User, id string) (*domain.GrantApplication, error)

// fileAndCall reads a file through load, then the call it answers.
func (s *Service) fileAndCall(ctx context.Context, load fileLoader, actor *domain.User, id string) (*domain.GrantApplication, *domain.Call, error) {
	g, err := load(ctx, actor, id)
	if err != nil {
		return nil, nil, err
	}
	call, err := s.store.CallByID(ctx, g.CallID)
	return g, call, err
}

// editableSection returns a file whose section the actor may change now:
// any section of a draft, the named points of an open request for
// information before its deadline.
func (s *Service) editableSection(ctx context.Context, actor *domain.User, id, section string) (*domain.GrantApplication, error) {
	g, err := s.applicantFile(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	if !g.Reopened(section) {
		return nil, &domain.Error{Code: domain.ECONFLICT, Message: "error.grant.locked", Field: section}
	}
	if g.State == domain.GrantInfoRequested && !s.now().Before(g.Info.Deadline) {
		return nil, &domain.Error{Code: domain.ECONFLICT, Message: "error.grant.info_deadline_passed", Field: section}
	}
	return g, nil
}

// ViewFile returns a file to whoever may read it: its editors, staff, and
// the reviewers assigned to it who declared no conflict of interest.
func (s *Service) ViewFile(ctx context.Context, actor *domain.User, id string) (*domain.GrantApplication, error) {
	g, err := s.store.GrantByID(ctx, id)
	if err != nil {
		return nil, err
	}
	switch {
	case actor.HasRole(domain.RoleStaff), memberOf(actor, g.OrganisationID) && g.IsEditor(actor.ID):
		return g, nil
	case actor.HasRole(domain.RoleReviewer) && s.reviewerSees(ctx, actor.ID, g.ID):
		return g, nil
	}
	return nil, notFound()
}

func (s *Service) reviewerSees(ctx context.Context, reviewerID, grantID string) bool {
	r, err := s.store.ReviewByID(ctx, domain.ReviewID(grantID, reviewerID))
	return err == nil && r.Status != domain.ReviewConflict
}
