package campaign

import (
	"context"
	"slices"
	"strings"

	"passerelle/app/domain"
)

// SaveGroup records a counsellor's group and its ranked wishes, new or
// changed, until the campaign's deadline. The priority-education flag comes
// from the school, never from the form.
func (s *Service) SaveGroup(ctx context.Context, actor *domain.User, campaignID string, in GroupInput) (*domain.CampaignGroup, error) {
	c, g, err := s.groupToSave(ctx, actor, campaignID, in)
	if err != nil {
		return nil, err
	}
	if g.Size, err = in.size(); err != nil {
		return nil, err
	}
	g.Name, g.Level, g.Wishes, g.UpdatedAt = strings.TrimSpace(in.Name), strings.TrimSpace(in.Level), in.Ranked(), s.now()
	if err := domain.ValidateCampaignGroup(g, c); err != nil {
		return nil, err
	}
	if err := s.setStructure(ctx, g, actor, in.StructureID); err != nil {
		return nil, err
	}
	if err := s.store.SaveCampaignGroup(ctx, g); err != nil {
		return nil, err
	}
	return g, nil
}

// groupToSave returns the open campaign and the group to fill: a new one,
// or the counsellor's own.
func (s *Service) groupToSave(ctx context.Context, actor *domain.User, campaignID string, in GroupInput) (*domain.Campaign, *domain.CampaignGroup, error) {
	if !actor.HasRole(domain.RoleCounsellor) {
		return nil, nil, errForbidden
	}
	c, err := s.store.CampaignByID(ctx, campaignID)
	if err != nil {
		return nil, nil, err
	}
	if !c.WishesOpen(s.now()) {
		return nil, nil, errClosed
	}
	if in.GroupID == "" {
		return c, &domain.CampaignGroup{ID: domain.NewID("group"), CampaignID: c.ID, CounsellorID: actor.ID}, nil
	}
	g, err := s.store.CampaignGroupByID(ctx, in.GroupID)
	if err == nil && (g.CampaignID != c.ID || g.CounsellorID != actor.ID) {
		err = errForbidden
	}
	return c, g, err
}

// setStructure ties the group to one of the counsellor's schools or
// structures (the only one, when the form does not say).
func (s *Service) setStructure(ctx context.Context, g *domain.CampaignGroup, actor *domain.User, structureID string) error {
	if structureID == "" && len(actor.OrganisationIDs) == 1 {
		structureID = actor.OrganisationIDs[0]
	}
	if !slices.Contains(actor.OrganisationIDs, structureID) {
		return domain.FieldError("structure_id", "error.campaign.structure")
	}
	orgs, err := s.store.OrganisationsByIDs(ctx, []string{structureID})
	if err != nil {
		return err
	}
	if len(orgs) != 1 || !orgs[0].Kind.IsStructure() {
		return domain.FieldError("structure_id", "error.campaign.structure")
	}
	g.StructureID, g.StructureName, g.Priority = orgs[0].ID, orgs[0].Name, orgs[0].Priority != ""
	g.CounsellorName, g.CounsellorEmail = actor.Name, actor.Email
	return nil
}
