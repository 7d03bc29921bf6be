package progress

import (
	"context"

	"passerelle/app/domain"
)

// SaveCall creates (empty ID) or edits a call; staff only. Missing reviewer
// and disagreement settings take the PROGR'ESS defaults.
func (s *Service) SaveCall(ctx context.Context, actor *domain.User, c domain.Call) (*domain.Call, error) {
	if !actor.HasRole(domain.RoleStaff) {
		return nil, forbidden()
	}
	now := s.now()
	if c.ID == "" {
		c.ID, c.CreatedAt = domain.NewID("call"), now
	}
	if c.MinReviewers == 0 {
		c.MinReviewers = domain.DefaultMinReviewers
	}
	if c.DisagreementSpread == 0 {
		c.DisagreementSpread = domain.DefaultDisagreementSpread
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	c.UpdatedAt = now
	if err := s.store.SaveCall(ctx, c); err != nil {
		return nil, err
	}
	s.audit(ctx, actor.ID, AuditCallSaved, "call", c.ID, c.Title)
	return s.store.CallByID(ctx, c.ID)
}

// audit appends a staff action to the platform's audit log; a failure is
// logged, as the action itself is already recorded.
func (s *Service) audit(ctx context.Context, actorID, action, kind, id, detail string) {
	s.trail.Record(ctx, domain.AuditEvent{ActorID: actorID, Action: action, TargetKind: kind, TargetID: id, Detail: detail})
}

// AuditCallSaved is the audit action of a call created or edited, its
// detail the call's title.
const AuditCallSaved = "progress.call_saved"
