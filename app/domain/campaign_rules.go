package domain

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Campaign bounds.
const (
	CampaignTitleMax = 120
	CampaignWishMax  = 10 // wishes per group, as the allocation allows
	CampaignGroupMax = SessionCapacityMax
)

// ValidateCampaign checks a campaign staff creates at instant now: the
// week starts on a Monday after the wish deadline, which is still to come.
func ValidateCampaign(c *Campaign, now time.Time) error {
	switch {
	case strings.TrimSpace(c.Title) == "" || utf8.RuneCountInString(c.Title) > CampaignTitleMax:
		return FieldError("title", "error.campaign.title")
	case c.WeekStart.IsZero() || c.WeekStart.In(Paris).Weekday() != time.Monday:
		return FieldError("week_start", "error.campaign.week_start")
	case !c.WishDeadline.After(now) || !c.WishDeadline.Before(c.WeekStart):
		return FieldError("wish_deadline", "error.campaign.wish_deadline")
	case c.PriorityShare < 0 || c.PriorityShare > 100:
		return FieldError("priority_share", "error.campaign.priority_share")
	}
	return nil
}

// ValidateCampaignGroup checks a group and its ranked wishes against the
// campaign's sessions. A bad wish is named by its rank, "wish3".
func ValidateCampaignGroup(g *CampaignGroup, c *Campaign) error {
	name := strings.TrimSpace(g.Name)
	switch {
	case name == "" || utf8.RuneCountInString(name) > BookingGroupNameMax:
		return FieldError("name", "error.campaign.group_name")
	case g.Size < 1 || g.Size > CampaignGroupMax:
		return FieldError("size", "error.campaign.group_size")
	case strings.TrimSpace(g.Level) == "":
		return FieldError("level", "error.campaign.group_level")
	case len(g.Wishes) == 0:
		return FieldError("wish1", "error.campaign.wishes_none")
	case len(g.Wishes) > CampaignWishMax:
		return FieldError("wish1", "error.campaign.wishes_many")
	}
	return validateWishes(g.Wishes, c.SessionIDs)
}

func validateWishes(wishes, sessions []string) error {
	for i, id := range wishes {
		field := fmt.Sprintf("wish%d", i+1)
		switch {
		case !slices.Contains(sessions, id):
			return FieldError(field, "error.campaign.wish_unknown")
		case slices.Contains(wishes[:i], id):
			return FieldError(field, "error.campaign.wish_twice")
		}
	}
	return nil
}
