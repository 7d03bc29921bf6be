package campaign

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"passerelle/app/domain"
	"passerelle/matching"
)

var (
	errTooEarly  = &domain.Error{Code: domain.ECONFLICT, Message: "error.campaign.too_early"}
	errPublished = &domain.Error{Code: domain.ECONFLICT, Message: "error.campaign.published"}
)

// Run allocates the groups to the sessions once the deadline has passed,
// with a new lottery seed recorded with the results. Staff may run it again
// until they publish; each run replaces the previous results.
func (s *Service) Run(ctx context.Context, actor *domain.User, id string) (*domain.Campaign, error) {
	c, err := s.campaignForStaff(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	if err := s.runnable(c); err != nil {
		return nil, err
	}
	sessions, err := s.store.SessionsByIDs(ctx, c.SessionIDs)
	if err != nil {
		return nil, err
	}
	groups, err := s.store.CampaignGroups(ctx, c.ID, "")
	if err != nil {
		return nil, err
	}
	c.Seed = newSeed()
	alloc, err := matching.Allocate(allocationInput(c, sessions, groups))
	if err != nil {
		return nil, fmt.Errorf("campaign %s: %w", c.ID, err)
	}
	return c, s.saveResults(ctx, actor, c, alloc)
}

func (s *Service) runnable(c *domain.Campaign) error {
	switch {
	case c.Status == domain.CampaignPublished:
		return errPublished
	case s.now().Before(c.WishDeadline):
		return errTooEarly
	}
	return nil
}

func (s *Service) saveResults(ctx context.Context, actor *domain.User, c *domain.Campaign, alloc matching.Allocation) error {
	now := s.now()
	c.Results, c.Status, c.AllocatedAt = results(alloc), domain.CampaignAllocated, &now
	change := domain.CampaignChange{Seed: &c.Seed, Results: c.Results, AllocatedAt: &now}
	ok, err := s.store.UpdateCampaign(ctx, c.ID, []domain.CampaignStatus{domain.CampaignOpen, domain.CampaignAllocated},
		domain.CampaignAllocated, change)
	if err == nil && !ok {
		return errPublished
	}
	if err == nil {
		s.audit(ctx, actor, "campaign.run", c.ID, "seed "+strconv.FormatInt(c.Seed, 10))
	}
	return err
}

// allocationInput turns the campaign into the algorithm's input: each
// session offers the seats it has left, in its half-day of Paris time.
func allocationInput(c *domain.Campaign, sessions []domain.SessionWithOffer, groups []domain.CampaignGroup) matching.Campaign {
	in := matching.Campaign{PriorityShare: float64(c.PriorityShare) / 100, Seed: uint64(c.Seed)}
	for _, vs := range sessions {
		in.Sessions = append(in.Sessions, matching.Session{ID: vs.ID, HalfDay: halfDay(vs.StartsAt),
			Capacity: vs.SeatsLeft, MinGroup: vs.MinGroup, MaxGroup: vs.MaxGroup})
	}
	for _, g := range groups {
		in.Groups = append(in.Groups, matching.Group{ID: g.ID, SchoolID: g.StructureID, Priority: g.Priority,
			Size: g.Size, Wishes: g.Wishes})
	}
	return in
}

func halfDay(t time.Time) string {
	t = t.In(domain.Paris)
	if t.Hour() < 12 {
		return t.Format(time.DateOnly) + " AM"
	}
	return t.Format(time.DateOnly) + " PM"
}

func results(a matching.Allocation) []domain.CampaignResult {
	out := make([]domain.CampaignResult, len(a.Groups))
	for i, g := range a.Groups {
		out[i] = domain.CampaignResult{GroupID: g.GroupID, SessionID: g.SessionID, Wish: g.Wish, CallRank: g.CallRank,
			Explanation: g.Explanation}
	}
	return out
}
