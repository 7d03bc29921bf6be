package progress

import (
	"context"
	"strings"

	"passerelle/app/domain"
	"passerelle/app/refdata"
)

// StartApplication opens an organisation's draft for a call, with its
// identity pre-filled; an organisation has one file per call, so starting
// again returns the existing one.
func (s *Service) StartApplication(ctx context.Context, actor *domain.User, callID, orgID string) (*domain.GrantApplication, error) {
	if !actor.HasRole(domain.RoleApplicant) || !memberOf(actor, orgID) {
		return nil, forbidden()
	}
	call, err := s.store.CallByID(ctx, callID)
	if err != nil {
		return nil, err
	}
	org, err := s.store.OrganisationByID(ctx, orgID)
	if err != nil {
		return nil, err
	}
	if !call.Accepts(org.Kind) {
		return nil, domain.FieldError("organisation", "error.grant.legal_form")
	}
	if !call.IsOpen(s.now()) {
		return nil, &domain.Error{Code: domain.ECONFLICT, Message: "error.grant.call_closed"}
	}
	return s.insertDraft(ctx, actor, call, org)
}

func (s *Service) insertDraft(ctx context.Context, actor *domain.User, call *domain.Call, org *domain.Organisation) (*domain.GrantApplication, error) {
	now := s.now()
	g := domain.GrantApplication{
		ID: call.ID + "-" + org.ID, CallID: call.ID, OrganisationID: org.ID, CreatedBy: actor.ID,
		EditorIDs: []string{}, State: domain.GrantDraft, Attachments: []domain.Attachment{},
		Content: domain.GrantContent{Identity: identityOf(org, actor)},
		History: []domain.StateChange{}, CreatedAt: now, UpdatedAt: now,
	}
	err := s.store.InsertGrant(ctx, g)
	if domain.ErrorCode(err) == domain.ECONFLICT {
		return s.applicantFile(ctx, actor, g.ID)
	}
	return &g, err
}

func identityOf(org *domain.Organisation, actor *domain.User) domain.Identity {
	return domain.Identity{
		Name: org.Name, Kind: org.Kind, RNA: org.RNA, SIRET: org.SIRET, CommuneCode: org.CommuneCode,
		Address: org.Address, ContactName: actor.Name, ContactEmail: actor.Email,
	}
}

// SaveIdentity saves the organisation step of a draft.
func (s *Service) SaveIdentity(ctx context.Context, actor *domain.User, id string, v domain.Identity) error {
	if v.CommuneCode != "" && !knownCommune(v.CommuneCode) {
		return domain.FieldError("identity.commune_code", "error.grant.commune_unknown")
	}
	return s.saveSection(ctx, actor, id, "identity", v)
}

// SaveProject saves the project step of a draft.
func (s *Service) SaveProject(ctx context.Context, actor *domain.User, id string, v domain.Project) error {
	for _, code := range v.Communes {
		if !knownCommune(code) {
			return domain.FieldError("project.communes", "error.grant.commune_unknown")
		}
	}
	return s.saveSection(ctx, actor, id, "project", v)
}

// SaveBudget saves the budget step of a draft; it may be unbalanced until
// submission.
func (s *Service) SaveBudget(ctx context.Context, actor *domain.User, id string, v domain.BudgetPlan) error {
	for _, l := range append(append([]domain.BudgetLine(nil), v.Expenses...), v.Resources...) {
		if l.Amount < 0 {
			return domain.FieldError("budget", "error.budget.line_amount")
		}
	}
	return s.saveSection(ctx, actor, id, "budget", v)
}

// saveSection stores a step as typed: partial data is fine in a draft, and
// the state it was loaded in guards against a concurrent submission.
func (s *Service) saveSection(ctx context.Context, actor *domain.User, id, section string, value any) error {
	g, err := s.editableSection(ctx, actor, id, section)
	if err != nil {
		return err
	}
	return s.store.SaveGrantSection(ctx, g.ID, g.State, section, value, s.now())
}

func knownCommune(code string) bool {
	_, ok := refdata.CommuneByCode(strings.TrimSpace(code))
	return ok
}
