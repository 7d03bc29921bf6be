package progress

import (
	"context"
	"sort"

	"passerelle/app/domain"
)

// FundWaitlist funds waitlisted files, best score first, while the freed
// budget allows their request (capped at the maximum award), skipping those
// that do not fit; it returns the awards made.
func (s *Service) FundWaitlist(ctx context.Context, actor *domain.User, callID string) ([]domain.Award, error) {
	if !actor.HasRole(domain.RoleStaff) {
		return nil, forbidden()
	}
	call, err := s.store.CallByID(ctx, callID)
	if err != nil {
		return nil, err
	}
	if err := call.CheckClosed(s.now()); err != nil {
		return nil, err
	}
	files, err := s.store.GrantsByCall(ctx, callID)
	if err != nil {
		return nil, err
	}
	var awards []domain.Award
	remaining := call.Remaining()
	for _, g := range waitlisted(files) {
		amount := min(g.Content.Budget.Requested(), call.MaxAward)
		if amount > remaining {
			continue
		}
		a, err := s.fundWaitlisted(ctx, actor, &g, amount)
		if err != nil {
			return awards, err
		}
		awards, remaining = append(awards, *a), remaining-a.Amount
	}
	return awards, nil
}

func (s *Service) fundWaitlisted(ctx context.Context, actor *domain.User, g *domain.GrantApplication, amount domain.Money) (*domain.Award, error) {
	const reason = "Budget libéré : dossier de la liste d'attente financé"
	if _, err := s.Decide(ctx, actor, g.ID, domain.GrantSelected, reason); err != nil {
		return nil, err
	}
	return s.Award(ctx, actor, g.ID, amount, reason)
}

// waitlisted returns the waitlisted files, best score first.
func waitlisted(files []domain.GrantApplication) []domain.GrantApplication {
	var list []domain.GrantApplication
	for _, g := range files {
		if g.State == domain.GrantWaitlisted {
			list = append(list, g)
		}
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].Score > list[j].Score })
	return list
}
