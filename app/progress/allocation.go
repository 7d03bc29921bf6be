package progress

import (
	"context"

	"passerelle/app/domain"
	"passerelle/matching"
)

// Allocation proposes how to spend what remains of a call's budget on its
// scored files not yet funded (scored, selected or waitlisted): greedy in
// score order skipping what no longer fits, and the exact optimum. Staff
// compare the two, then decide and award file by file.
func (s *Service) Allocation(ctx context.Context, actor *domain.User, call *domain.Call) (matching.BudgetComparison, error) {
	files, _, err := s.Files(ctx, actor, call.ID, Filter{})
	if err != nil {
		return matching.BudgetComparison{}, err
	}
	var apps []matching.GrantApplication
	for _, g := range files {
		if fundable(g.State) && g.Content.Budget.Requested() > 0 {
			apps = append(apps, matching.GrantApplication{ID: g.ID, Score: g.Score, Requested: int64(g.Content.Budget.Requested())})
		}
	}
	return matching.AllocateBudget(apps, matching.GrantBudget{Total: int64(call.Remaining()), MaxAward: int64(call.MaxAward)})
}

func fundable(s domain.GrantState) bool {
	return s == domain.GrantScored || s == domain.GrantSelected || s == domain.GrantWaitlisted
}
