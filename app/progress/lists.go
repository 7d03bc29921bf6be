package progress

import (
	"context"

	"passerelle/app/domain"
)

// Call returns a call to anyone: its conditions are public.
func (s *Service) Call(ctx context.Context, id string) (*domain.Call, error) {
	return s.store.CallByID(ctx, id)
}

// Calls returns every call, for staff.
func (s *Service) Calls(ctx context.Context, actor *domain.User) ([]domain.Call, error) {
	if !actor.HasRole(domain.RoleStaff) {
		return nil, forbidden()
	}
	return s.store.Calls(ctx)
}

// MyFiles returns the files the actor writes or co-edits.
func (s *Service) MyFiles(ctx context.Context, actor *domain.User) ([]domain.GrantApplication, error) {
	if len(actor.OrganisationIDs) == 0 {
		return nil, nil
	}
	all, err := s.store.GrantsByOrganisations(ctx, actor.OrganisationIDs)
	var mine []domain.GrantApplication
	for _, g := range all {
		if g.IsEditor(actor.ID) {
			mine = append(mine, g)
		}
	}
	return mine, err
}

// Assignment is a file given to a reviewer, with where their review stands.
type Assignment struct {
	Review domain.Review
	File   domain.GrantApplication
}

// MyAssignments returns the files a reviewer must score, without those
// they declared a conflict of interest on.
func (s *Service) MyAssignments(ctx context.Context, actor *domain.User) ([]Assignment, error) {
	if !actor.HasRole(domain.RoleReviewer) {
		return nil, forbidden()
	}
	reviews, err := s.store.ReviewsByReviewer(ctx, actor.ID)
	if err != nil {
		return nil, err
	}
	byGrant := map[string]domain.Review{}
	var ids []string
	for _, r := range reviews {
		if r.Status != domain.ReviewConflict {
			byGrant[r.GrantID] = r
			ids = append(ids, r.GrantID)
		}
	}
	files, err := s.store.GrantsByIDs(ctx, ids)
	list := make([]Assignment, 0, len(files))
	for _, g := range files {
		list = append(list, Assignment{Review: byGrant[g.ID], File: g})
	}
	return list, err
}
