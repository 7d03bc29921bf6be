package progress

import (
	"context"
	"slices"

	"passerelle/app/domain"
)

// ReviewerPool lists the reviewers staff may assign.
func (s *Service) ReviewerPool(ctx context.Context, actor *domain.User) ([]domain.User, error) {
	if !actor.HasRole(domain.RoleStaff) {
		return nil, forbidden()
	}
	return s.store.ReviewerPool(ctx)
}

// FileReviews returns, for staff, every review of a file and their summary.
func (s *Service) FileReviews(ctx context.Context, actor *domain.User, id string) ([]domain.Review, domain.ScoreSummary, error) {
	g, call, err := s.fileAndCall(ctx, s.staffFile, actor, id)
	if err != nil {
		return nil, domain.ScoreSummary{}, err
	}
	reviews, err := s.store.ReviewsByGrant(ctx, g.ID)
	return reviews, domain.Aggregate(call, reviews), err
}

// Laureate is a funded project as the public page shows it.
type Laureate struct {
	Award domain.Award
	File  domain.GrantApplication
}

// Laureates returns the funded projects of a call once staff published them.
func (s *Service) Laureates(ctx context.Context, callID string) (*domain.Call, []Laureate, error) {
	call, err := s.store.CallByID(ctx, callID)
	if err != nil || !call.LaureatesPublished {
		return call, nil, err
	}
	awards, err := s.store.AwardsByCall(ctx, callID)
	if err != nil {
		return nil, nil, err
	}
	ids := make([]string, len(awards))
	for i, a := range awards {
		ids[i] = a.ID
	}
	files, err := s.store.GrantsByIDs(ctx, ids)
	byID := map[string]domain.GrantApplication{}
	for _, g := range files {
		byID[g.ID] = g
	}
	list := make([]Laureate, len(awards))
	for i, a := range awards {
		list[i] = Laureate{Award: a, File: byID[a.ID]}
	}
	return call, list, err
}

// PublishLaureates shows or hides the public page of a call's laureates.
func (s *Service) PublishLaureates(ctx context.Context, actor *domain.User, callID string, published bool) error {
	if !actor.HasRole(domain.RoleStaff) {
		return forbidden()
	}
	call, err := s.store.CallByID(ctx, callID)
	if err != nil {
		return err
	}
	if err := call.CheckClosed(s.now()); published && err != nil {
		return err
	}
	call.LaureatesPublished = published
	_, err = s.SaveCall(ctx, actor, *call)
	return err
}

// PublishedLaureates returns the funded projects of every call whose
// laureates staff published, newest call first: the examples that the ESS
// discovery page shows. The calls are a handful, one per year.
func (s *Service) PublishedLaureates(ctx context.Context) ([]Laureate, error) {
	calls, err := s.store.Calls(ctx)
	if err != nil {
		return nil, err
	}
	slices.SortFunc(calls, func(a, b domain.Call) int { return b.OpensAt.Compare(a.OpensAt) })
	var all []Laureate
	for _, call := range calls {
		if !call.LaureatesPublished {
			continue
		}
		_, list, err := s.Laureates(ctx, call.ID)
		if err != nil {
			return nil, err
		}
		all = append(all, list...)
	}
	return all, nil
}
