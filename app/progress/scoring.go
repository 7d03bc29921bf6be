package progress

import (
	"context"

	"passerelle/app/domain"
)

// ownReview returns the actor's review of a file, whatever its status.
func (s *Service) ownReview(ctx context.Context, actor *domain.User, grantID string) (*domain.Review, error) {
	if !actor.HasRole(domain.RoleReviewer) {
		return nil, notFound()
	}
	r, err := s.store.ReviewByID(ctx, domain.ReviewID(grantID, actor.ID))
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return nil, notFound()
	}
	return r, err
}

// DeclareConflict withdraws the reviewer from a file: from then on, they no
// longer see it. Only a review not yet submitted can be withdrawn.
func (s *Service) DeclareConflict(ctx context.Context, actor *domain.User, grantID, reason string) error {
	r, err := s.ownReview(ctx, actor, grantID)
	if err != nil {
		return err
	}
	if err := s.store.DeclareConflict(ctx, r.ID, reason); err != nil {
		return err
	}
	s.audit(ctx, actor.ID, "progress.conflict_declared", "grant_application", grantID, reason)
	return nil
}

// SubmitScores records the reviewer's marks, comment and recommendation,
// once, on a file being reviewed.
func (s *Service) SubmitScores(ctx context.Context, actor *domain.User, grantID string, r domain.Review) error {
	own, err := s.ownReview(ctx, actor, grantID)
	if err != nil || own.Status == domain.ReviewConflict {
		return notFound()
	}
	g, err := s.store.GrantByID(ctx, grantID)
	if err != nil {
		return err
	}
	call, err := s.store.CallByID(ctx, g.CallID)
	if err != nil {
		return err
	}
	if g.State != domain.GrantEligible {
		return &domain.Error{Code: domain.ECONFLICT, Message: "error.review.closed"}
	}
	if err := domain.ValidateScores(call.Criteria, r.Scores, r.Recommendation); err != nil {
		return err
	}
	r.ID = own.ID
	return s.store.SubmitReview(ctx, r, s.now())
}

// ReviewsSeenBy returns the reviews of a file a reviewer may read: their
// own until they submit it, then every submitted review. A conflicted
// reviewer sees nothing.
func (s *Service) ReviewsSeenBy(ctx context.Context, actor *domain.User, grantID string) ([]domain.Review, error) {
	own, err := s.ownReview(ctx, actor, grantID)
	if err != nil || own.Status == domain.ReviewConflict {
		return nil, notFound()
	}
	if own.Status != domain.ReviewSubmitted {
		return []domain.Review{*own}, nil
	}
	all, err := s.store.ReviewsByGrant(ctx, grantID)
	var seen []domain.Review
	for _, r := range all {
		if r.Status == domain.ReviewSubmitted {
			seen = append(seen, r)
		}
	}
	return seen, err
}

// Summaries aggregates every file's reviews of a call for staff, in one query.
func (s *Service) Summaries(ctx context.Context, actor *domain.User, call *domain.Call) (map[string]domain.ScoreSummary, error) {
	if !actor.HasRole(domain.RoleStaff) {
		return nil, forbidden()
	}
	reviews, err := s.store.ReviewsByCall(ctx, call.ID)
	byGrant := map[string][]domain.Review{}
	for _, r := range reviews {
		byGrant[r.GrantID] = append(byGrant[r.GrantID], r)
	}
	summaries := make(map[string]domain.ScoreSummary, len(byGrant))
	for id, rs := range byGrant {
		summaries[id] = domain.Aggregate(call, rs)
	}
	return summaries, err
}

// CloseScoring moves a file whose every reviewer has submitted to scored,
// with its weighted total.
func (s *Service) CloseScoring(ctx context.Context, actor *domain.User, grantID string) (*domain.GrantApplication, error) {
	g, call, err := s.fileAndCall(ctx, s.staffFile, actor, grantID)
	if err != nil {
		return nil, err
	}
	reviews, err := s.store.ReviewsByGrant(ctx, g.ID)
	if err != nil {
		return nil, err
	}
	sum := domain.Aggregate(call, reviews)
	if sum.Submitted < call.MinReviewers || sum.Submitted < sum.Expected {
		return nil, &domain.Error{Code: domain.ECONFLICT, Message: "error.review.incomplete"}
	}
	return g, s.Transition(ctx, actor, g, domain.GrantScored, domain.RoleStaff, "", func(next *domain.GrantApplication) {
		next.Score = sum.Total
	})
}
