package campaign

import (
	"context"
	"slices"

	"passerelle/app/domain"
)

// Create opens a campaign with every session of its week; staff may then
// leave some out with SetSessions.
func (s *Service) Create(ctx context.Context, actor *domain.User, in CampaignInput) (*domain.Campaign, error) {
	if !isStaff(actor) {
		return nil, errForbidden
	}
	c, err := in.parse(s.now())
	if err != nil {
		return nil, err
	}
	sessions, err := s.store.SessionsBetween(ctx, c.WeekStart, c.WeekEnd())
	if err != nil {
		return nil, err
	}
	c.CreatedBy, c.SessionIDs = actor.ID, sessionIDs(sessions)
	if err := s.store.InsertCampaign(ctx, c); err != nil {
		return nil, err
	}
	s.audit(ctx, actor, "campaign.create", c.ID, c.Title)
	return c, nil
}

func sessionIDs(sessions []domain.SessionWithOffer) []string {
	ids := make([]string, len(sessions))
	for i, vs := range sessions {
		ids[i] = vs.ID
	}
	return ids
}

// SetSessions keeps, of the week's sessions, those staff ticked; only
// while wishes are open, since a wish may name any of them.
func (s *Service) SetSessions(ctx context.Context, actor *domain.User, id string, picked []string) error {
	c, err := s.campaignForStaff(ctx, actor, id)
	if err != nil {
		return err
	}
	week, err := s.store.SessionsBetween(ctx, c.WeekStart, c.WeekEnd())
	if err != nil {
		return err
	}
	kept := slices.DeleteFunc(sessionIDs(week), func(id string) bool { return !slices.Contains(picked, id) })
	if len(kept) == 0 {
		return domain.FieldError("sessions", "error.campaign.sessions")
	}
	ok, err := s.store.UpdateCampaign(ctx, id, []domain.CampaignStatus{domain.CampaignOpen}, domain.CampaignOpen,
		domain.CampaignChange{SessionIDs: kept})
	if err == nil && !ok {
		err = errClosed
	}
	return err
}

func (s *Service) campaignForStaff(ctx context.Context, actor *domain.User, id string) (*domain.Campaign, error) {
	if !isStaff(actor) {
		return nil, errForbidden
	}
	return s.store.CampaignByID(ctx, id)
}

// Campaigns lists the campaigns, latest week first.
func (s *Service) Campaigns(ctx context.Context) ([]domain.Campaign, error) {
	return s.store.Campaigns(ctx)
}

// View is a campaign with its sessions and groups: what its pages show.
type View struct {
	Campaign *domain.Campaign
	Sessions []domain.SessionWithOffer // the campaign's, soonest first
	Groups   []domain.CampaignGroup
}

// Session returns one of the campaign's sessions by id.
func (v *View) Session(id string) *domain.SessionWithOffer {
	for i := range v.Sessions {
		if v.Sessions[i].ID == id {
			return &v.Sessions[i]
		}
	}
	return nil
}

// StaffView is a campaign with every group, for staff; Week lists all the
// sessions of the week, to pick from while wishes are open.
func (s *Service) StaffView(ctx context.Context, actor *domain.User, id string) (*View, []domain.SessionWithOffer, error) {
	c, err := s.campaignForStaff(ctx, actor, id)
	if err != nil {
		return nil, nil, err
	}
	week, err := s.store.SessionsBetween(ctx, c.WeekStart, c.WeekEnd())
	if err != nil {
		return nil, nil, err
	}
	groups, err := s.store.CampaignGroups(ctx, id, "")
	v := &View{Campaign: c, Groups: groups, Sessions: slices.DeleteFunc(slices.Clone(week),
		func(vs domain.SessionWithOffer) bool { return !slices.Contains(c.SessionIDs, vs.ID) })}
	return v, week, err
}

// CounsellorView is a campaign with the counsellor's own groups.
func (s *Service) CounsellorView(ctx context.Context, actor *domain.User, id string) (*View, error) {
	if !actor.HasRole(domain.RoleCounsellor) {
		return nil, errForbidden
	}
	c, err := s.store.CampaignByID(ctx, id)
	if err != nil {
		return nil, err
	}
	sessions, err := s.store.SessionsByIDs(ctx, c.SessionIDs)
	if err != nil {
		return nil, err
	}
	groups, err := s.store.CampaignGroups(ctx, id, actor.ID)
	return &View{Campaign: c, Sessions: sessions, Groups: groups}, err
}
