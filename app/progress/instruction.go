package progress

import (
	"context"
	"time"

	"passerelle/app/domain"
)

// StartInstruction takes a submitted file into review.
func (s *Service) StartInstruction(ctx context.Context, actor *domain.User, id string) (*domain.GrantApplication, error) {
	return s.staffMove(ctx, actor, id, domain.GrantInReview, "", nil)
}

// RequestInformation reopens the named points of a file for the applicant
// until deadline.
func (s *Service) RequestInformation(ctx context.Context, actor *domain.User, id string, req domain.InfoRequest) (*domain.GrantApplication, error) {
	switch {
	case len(req.Points) == 0 || !allSections(req.Points):
		return nil, domain.FieldError("points", "error.grant.info_points")
	case req.Message == "":
		return nil, domain.FieldError("message", "error.grant.info_message")
	case !req.Deadline.After(s.now()):
		return nil, domain.FieldError("deadline", "error.grant.info_deadline")
	}
	g, err := s.staffMove(ctx, actor, id, domain.GrantInfoRequested, req.Message, func(next *domain.GrantApplication) {
		next.Info = &req
	})
	if err == nil {
		s.notifyEditors(ctx, g, "grant.info_requested:"+g.ID+":"+req.Deadline.Format(time.RFC3339), "notice.grant.info_requested",
			[]any{g.ID, req.Message})
	}
	return g, err
}

// AnswerInformation sends the reopened points back to staff: the file locks
// again and its new version is kept next to the previous ones.
func (s *Service) AnswerInformation(ctx context.Context, actor *domain.User, id, reply string) (*domain.GrantApplication, error) {
	g, err := s.applicantFile(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	err = s.Transition(ctx, actor, g, domain.GrantInReview, domain.RoleApplicant, reply, func(next *domain.GrantApplication) {
		next.Version, next.Info = g.Version+1, nil
	})
	if err != nil {
		return nil, err
	}
	s.keepVersion(ctx, actor, g)
	return g, nil
}

// DecideEligibility records the checklist and moves the file to eligible
// when every item is met, to ineligible otherwise, with the reason.
func (s *Service) DecideEligibility(ctx context.Context, actor *domain.User, id string, checklist []domain.CheckItem, reason string) (*domain.GrantApplication, error) {
	to := domain.GrantEligible
	for _, item := range checklist {
		if !item.OK {
			to = domain.GrantIneligible
		}
	}
	if len(checklist) == 0 {
		return nil, domain.FieldError("checklist", "error.grant.checklist_required")
	}
	if to == domain.GrantIneligible && reason == "" {
		return nil, domain.FieldError("reason", "error.grant.reason_required")
	}
	return s.staffMove(ctx, actor, id, to, reason, func(next *domain.GrantApplication) { next.Checklist = checklist })
}

// staffMove loads a file for staff and applies one transition.
func (s *Service) staffMove(ctx context.Context, actor *domain.User, id string, to domain.GrantState, reason string,
	change func(*domain.GrantApplication)) (*domain.GrantApplication, error) {
	g, err := s.staffFile(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	return g, s.Transition(ctx, actor, g, to, domain.RoleStaff, reason, change)
}

func allSections(points []string) bool {
	for _, p := range points {
		known := false
		for _, section := range domain.GrantSections {
			known = known || p == section
		}
		if !known {
			return false
		}
	}
	return true
}
