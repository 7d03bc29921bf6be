package progress

import (
	"context"

	"passerelle/app/domain"
)

// decisionNotices are the templates telling an applicant the jury's decision.
var decisionNotices = map[domain.GrantState]string{
	domain.GrantSelected:   "notice.grant.selected",
	domain.GrantWaitlisted: "notice.grant.waitlisted",
	domain.GrantRejected:   "notice.grant.rejected",
}

// SupportOfferPath, followed by a file's id, starts a request for
// accompaniment from that file.
const SupportOfferPath = "/accompagnement/demande?dossier="

// Decide records the decision on a scored (or waitlisted) file with its
// reasons and tells the applicant, once per decision.
func (s *Service) Decide(ctx context.Context, actor *domain.User, id string, to domain.GrantState, reason string) (*domain.GrantApplication, error) {
	g, err := s.staffFile(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	return g, s.decide(ctx, actor, g, to, reason)
}

func (s *Service) decide(ctx context.Context, actor *domain.User, g *domain.GrantApplication, to domain.GrantState, reason string) error {
	template, ok := decisionNotices[to]
	if !ok {
		return domain.FieldError("decision", "error.grant.decision")
	}
	if reason == "" {
		return domain.FieldError("reason", "error.grant.reason_required")
	}
	if err := s.Transition(ctx, actor, g, to, domain.RoleStaff, reason, nil); err != nil {
		return err
	}
	n := domain.Notice{Key: "grant.decision:" + g.ID + ":" + string(to), Text: template, Args: []any{g.Content.Project.Title, g.ID, reason}}
	if to == domain.GrantRejected { // a project not funded is offered the accompaniment
		n.Link = SupportOfferPath + g.ID
	}
	s.tellEditors(ctx, g, n)
	return nil
}

// Award grants amount to a selected file: never above its request or the
// call's maximum award (checked here, as both are fixed once submitted), nor
// above the remaining budget (checked by the store in the same conditional
// update that commits it). A retry or a concurrent attempt for the same
// file never commits twice; the amount of record is the first committed.
func (s *Service) Award(ctx context.Context, actor *domain.User, id string, amount domain.Money, reason string) (*domain.Award, error) {
	g, call, err := s.fileAndCall(ctx, s.staffFile, actor, id)
	if err != nil {
		return nil, err
	}
	if err := s.commit(ctx, actor, g, call, amount); err != nil {
		return nil, err
	}
	return s.recordAward(ctx, actor, g, reason)
}

func (s *Service) commit(ctx context.Context, actor *domain.User, g *domain.GrantApplication, call *domain.Call, amount domain.Money) error {
	if err := call.CheckClosed(s.now()); err != nil {
		return err
	}
	if g.State != domain.GrantSelected {
		return domain.CheckTransition(g.State, domain.GrantAwarded, domain.RoleStaff)
	}
	if err := domain.CheckAwardAmount(amount, g.Content.Budget.Requested(), call.MaxAward); err != nil {
		return err
	}
	_, err := s.store.CommitAward(ctx, call, g.ID, amount)
	return err
}

// recordAward writes the award with the committed amount, then moves the
// file to awarded; after a crash between the two, awarding again completes it.
func (s *Service) recordAward(ctx context.Context, actor *domain.User, g *domain.GrantApplication, reason string) (*domain.Award, error) {
	call, err := s.store.CallByID(ctx, g.CallID) // the amount of record, committed by whichever attempt won
	if err != nil {
		return nil, err
	}
	a := domain.Award{ID: g.ID, CallID: g.CallID, OrganisationID: g.OrganisationID, Amount: call.AwardAmounts[g.ID],
		DecidedBy: actor.ID, DecidedAt: s.now(), Reason: reason}
	if err := s.store.RecordAward(ctx, a); err != nil {
		return nil, err
	}
	if err := s.Transition(ctx, actor, g, domain.GrantAwarded, domain.RoleStaff, reason, nil); err != nil {
		return nil, err
	}
	s.notifyEditors(ctx, g, "grant.awarded:"+g.ID, "notice.grant.awarded", []any{g.Content.Project.Title, g.ID})
	return &a, nil
}

// SignAgreement records the signed agreement of an awarded file.
func (s *Service) SignAgreement(ctx context.Context, actor *domain.User, id string) (*domain.GrantApplication, error) {
	return s.followUp(ctx, actor, id, domain.GrantAgreementSigned, "agreement_signed_at")
}

// MarkPaid records the payment of a file whose agreement is signed.
func (s *Service) MarkPaid(ctx context.Context, actor *domain.User, id string) (*domain.GrantApplication, error) {
	return s.followUp(ctx, actor, id, domain.GrantPaid, "paid_at")
}

func (s *Service) followUp(ctx context.Context, actor *domain.User, id string, to domain.GrantState, field string) (*domain.GrantApplication, error) {
	g, err := s.staffMove(ctx, actor, id, to, "", nil)
	if err != nil {
		return nil, err
	}
	return g, s.store.SetAwardDate(ctx, g.ID, field, g.History[len(g.History)-1].At)
}
