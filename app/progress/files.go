package progress

import (
	"context"

	"passerelle/app/domain"
)

// Filter narrows the staff list of files; empty fields match everything.
type Filter struct {
	State   domain.GrantState
	Commune string // INSEE code among the project's communes
	Axis    string
}

func (f Filter) matches(g *domain.GrantApplication) bool {
	p := g.Content.Project
	return (f.State == "" || g.State == f.State) &&
		(f.Commune == "" || contains(p.Communes, f.Commune)) &&
		(f.Axis == "" || contains(p.Axes, f.Axis))
}

// Files returns a call's files matching f for staff, with the count of
// every file per state (drafts excluded: staff see files once submitted).
func (s *Service) Files(ctx context.Context, actor *domain.User, callID string, f Filter) ([]domain.GrantApplication, map[domain.GrantState]int, error) {
	if !actor.HasRole(domain.RoleStaff) {
		return nil, nil, forbidden()
	}
	all, err := s.store.GrantsByCall(ctx, callID)
	if err != nil {
		return nil, nil, err
	}
	counts := map[domain.GrantState]int{}
	var list []domain.GrantApplication
	for i := range all {
		if all[i].State == domain.GrantDraft {
			continue
		}
		counts[all[i].State]++
		if f.matches(&all[i]) {
			list = append(list, all[i])
		}
	}
	return list, counts, nil
}

// Batch takes several files of a call into review, or records the same
// decision on them, and reports per file what went wrong; one file refused
// stops no other.
func (s *Service) Batch(ctx context.Context, actor *domain.User, callID string, ids []string, to domain.GrantState, reason string) (map[string]error, error) {
	if _, decision := decisionNotices[to]; !decision && to != domain.GrantInReview {
		return nil, domain.FieldError("decision", "error.grant.batch_state")
	}
	files, _, err := s.Files(ctx, actor, callID, Filter{})
	if err != nil {
		return nil, err
	}
	byID := map[string]*domain.GrantApplication{}
	for i := range files {
		byID[files[i].ID] = &files[i]
	}
	failed := map[string]error{}
	for _, id := range ids {
		g, ok := byID[id]
		if !ok {
			failed[id] = notFound()
			continue
		}
		if err := s.batchMove(ctx, actor, g, to, reason); err != nil {
			failed[id] = err
		}
	}
	return failed, nil
}

func (s *Service) batchMove(ctx context.Context, actor *domain.User, g *domain.GrantApplication, to domain.GrantState, reason string) error {
	if to == domain.GrantInReview {
		return s.Transition(ctx, actor, g, to, domain.RoleStaff, reason, nil)
	}
	return s.decide(ctx, actor, g, to, reason)
}

func contains(values []string, v string) bool {
	for _, x := range values {
		if x == v {
			return true
		}
	}
	return false
}
