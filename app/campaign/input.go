package campaign

import (
	"strconv"
	"strings"
	"time"

	"passerelle/app/domain"
)

// CampaignInput is the creation form, as typed.
type CampaignInput struct {
	Title         string
	WeekStart     string // "2006-01-02", a Monday
	WishDeadline  string // "2006-01-02T15:04", Paris wall clock
	PriorityShare string // percent
}

func (in CampaignInput) parse(now time.Time) (*domain.Campaign, error) {
	week, err := time.ParseInLocation(time.DateOnly, strings.TrimSpace(in.WeekStart), domain.Paris)
	if err != nil {
		return nil, domain.FieldError("week_start", "error.campaign.week_start")
	}
	deadline, err := domain.ParisInstant("wish_deadline", strings.TrimSpace(in.WishDeadline))
	if err != nil {
		return nil, err
	}
	share, err := strconv.Atoi(strings.TrimSpace(in.PriorityShare))
	if err != nil {
		return nil, domain.FieldError("priority_share", "error.campaign.priority_share")
	}
	c := &domain.Campaign{ID: domain.NewID("campaign"), Title: strings.TrimSpace(in.Title), WeekStart: week,
		WishDeadline: deadline, PriorityShare: share, Status: domain.CampaignOpen, CreatedAt: now,
		SessionIDs: []string{}, Results: []domain.CampaignResult{}}
	return c, domain.ValidateCampaign(c, now)
}

// GroupInput is a group and its wishes, as typed: Wishes holds the ten
// choices in rank order, "" where none was picked.
type GroupInput struct {
	GroupID     string // "" for a new group
	StructureID string
	Name        string
	Size        string
	Level       string
	Wishes      []string
}

// Ranked returns the wishes picked, in order, gaps closed.
func (in GroupInput) Ranked() []string {
	wishes := []string{}
	for _, w := range in.Wishes {
		if w = strings.TrimSpace(w); w != "" {
			wishes = append(wishes, w)
		}
	}
	return wishes
}

func (in GroupInput) size() (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(in.Size))
	if err != nil {
		return 0, domain.FieldError("size", "error.campaign.group_size")
	}
	return n, nil
}
