package progress

import (
	"context"

	"passerelle/app/domain"
)

// AssignReviewers gives an eligible file to reviewers of the pool, so that
// it has at least the call's minimum of reviewers without a conflict.
func (s *Service) AssignReviewers(ctx context.Context, actor *domain.User, id string, reviewerIDs []string) error {
	g, err := s.staffFile(ctx, actor, id)
	if err != nil {
		return err
	}
	if g.State != domain.GrantEligible {
		return &domain.Error{Code: domain.ECONFLICT, Message: "error.review.not_eligible"}
	}
	call, current, pool, err := s.juryContext(ctx, g)
	if err != nil {
		return err
	}
	reviews, err := s.newAssignments(actor, g, reviewerIDs, pool, current)
	if err != nil {
		return err
	}
	if active(current)+len(reviews) < call.MinReviewers {
		return domain.FieldError("reviewers", "error.review.too_few")
	}
	return s.store.InsertReviews(ctx, reviews)
}

func (s *Service) juryContext(ctx context.Context, g *domain.GrantApplication) (*domain.Call, []domain.Review, []domain.User, error) {
	call, err := s.store.CallByID(ctx, g.CallID)
	if err != nil {
		return nil, nil, nil, err
	}
	current, err := s.store.ReviewsByGrant(ctx, g.ID)
	if err != nil {
		return nil, nil, nil, err
	}
	pool, err := s.store.ReviewerPool(ctx)
	return call, current, pool, err
}

// newAssignments builds the reviews to add: reviewers from the pool, not
// already assigned, never a member of the applying organisation.
func (s *Service) newAssignments(actor *domain.User, g *domain.GrantApplication, ids []string, pool []domain.User, current []domain.Review) ([]domain.Review, error) {
	byID := map[string]*domain.User{}
	for i := range pool {
		byID[pool[i].ID] = &pool[i]
	}
	assigned := map[string]bool{}
	for _, r := range current {
		assigned[r.ReviewerID] = true
	}
	var reviews []domain.Review
	for _, id := range ids {
		u, ok := byID[id]
		if !ok || memberOf(u, g.OrganisationID) {
			return nil, domain.FieldError("reviewers", "error.review.not_in_pool")
		}
		if !assigned[id] {
			assigned[id] = true
			reviews = append(reviews, domain.Review{ID: domain.ReviewID(g.ID, id), GrantID: g.ID, CallID: g.CallID,
				ReviewerID: id, Status: domain.ReviewAssigned, Scores: []domain.CriterionScore{},
				AssignedBy: actor.ID, AssignedAt: s.now()})
		}
	}
	return reviews, nil
}

// active counts the reviews not withdrawn for a conflict of interest.
func active(reviews []domain.Review) int {
	n := 0
	for _, r := range reviews {
		if r.Status != domain.ReviewConflict {
			n++
		}
	}
	return n
}
