package progress

import (
	"context"

	"passerelle/app/domain"
)

// Transition is the one way an application changes state. It checks the
// state machine for the actor's role, lets change adjust the fields that
// move with the state, then writes state, fields and history entry in one
// conditional update on the state it read — a concurrent transition makes
// it fail with a conflict instead of being lost — and appends the move to
// the audit log.
func (s *Service) Transition(ctx context.Context, actor *domain.User, g *domain.GrantApplication, to domain.GrantState,
	role domain.Role, reason string, change func(*domain.GrantApplication)) error {
	if !actor.HasRole(role) {
		return forbidden()
	}
	if err := domain.CheckTransition(g.State, to, role); err != nil {
		return err
	}
	next := *g
	if change != nil {
		change(&next)
	}
	move := domain.StateChange{From: g.State, To: to, ActorID: actor.ID, At: s.now(), Reason: reason}
	if err := s.store.TransitionGrant(ctx, &next, move); err != nil {
		return err
	}
	next.State, next.History = to, append(next.History, move)
	*g = next
	s.audit(ctx, actor.ID, AuditGrantTransition, "grant_application", g.ID,
		string(move.From)+" → "+string(move.To)+": "+reason)
	return nil
}

// AuditGrantTransition is the audit action of a file's move, its detail
// "from → to: reason".
const AuditGrantTransition = "progress.grant_transition"
