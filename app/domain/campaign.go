package domain

import "time"

// CampaignStatus is where a visit campaign stands: counsellors enter wishes
// while it is open, staff runs the allocation (again if needed) and then
// publishes it, which books the seats and tells the counsellors.
type CampaignStatus string

const (
	CampaignOpen      CampaignStatus = "open"
	CampaignAllocated CampaignStatus = "allocated"
	CampaignPublished CampaignStatus = "published"
)

// Campaign is a discovery week: many visit sessions, wishes ranked by
// counsellors for their groups until a deadline, then one allocation.
type Campaign struct {
	ID            string           `bson:"_id" json:"id"`
	Title         string           `bson:"title" json:"title"`
	WeekStart     time.Time        `bson:"week_start" json:"week_start"` // Monday 00:00 in Paris
	WishDeadline  time.Time        `bson:"wish_deadline" json:"wish_deadline"`
	PriorityShare int              `bson:"priority_share" json:"priority_share"` // percent of each session kept for REP, REP+, QPV
	SessionIDs    []string         `bson:"session_ids" json:"session_ids"`
	Status        CampaignStatus   `bson:"status" json:"status"`
	Seed          int64            `bson:"seed" json:"seed"` // the lottery of the last run, to replay it
	Results       []CampaignResult `bson:"results" json:"results"`
	CreatedBy     string           `bson:"created_by" json:"created_by"`
	CreatedAt     time.Time        `bson:"created_at" json:"created_at"`
	AllocatedAt   *time.Time       `bson:"allocated_at,omitempty" json:"allocated_at,omitempty"`
	PublishedAt   *time.Time       `bson:"published_at,omitempty" json:"published_at,omitempty"`
}

// WeekEnd is the instant the discovery week ends.
func (c *Campaign) WeekEnd() time.Time { return c.WeekStart.AddDate(0, 0, 7) }

// WishesOpen reports whether counsellors may still enter wishes at now.
func (c *Campaign) WishesOpen(now time.Time) bool {
	return c.Status == CampaignOpen && now.Before(c.WishDeadline)
}

// CampaignResult is one group's outcome of the allocation, with the French
// explanation the counsellor reads.
type CampaignResult struct {
	GroupID     string `bson:"group_id" json:"group_id"`
	SessionID   string `bson:"session_id,omitempty" json:"session_id,omitempty"` // "" when no wish could be met
	Wish        int    `bson:"wish" json:"wish"`                                 // rank of the wish obtained, 0 when none
	CallRank    int    `bson:"call_rank" json:"call_rank"`
	Explanation string `bson:"explanation" json:"explanation"`
}

// ResultOf returns the result of a group; its GroupID is "" until the
// allocation has run.
func (c *Campaign) ResultOf(groupID string) CampaignResult {
	for _, r := range c.Results {
		if r.GroupID == groupID {
			return r
		}
	}
	return CampaignResult{}
}

// CampaignGroup is a class or cohort a counsellor entered, with its wishes:
// visit sessions of the campaign, best first.
type CampaignGroup struct {
	ID              string    `bson:"_id" json:"id"`
	CampaignID      string    `bson:"campaign_id" json:"campaign_id"`
	CounsellorID    string    `bson:"counsellor_id" json:"counsellor_id"`
	CounsellorName  string    `bson:"counsellor_name" json:"counsellor_name"`
	CounsellorEmail string    `bson:"counsellor_email" json:"-"`
	StructureID     string    `bson:"structure_id" json:"structure_id"`
	StructureName   string    `bson:"structure_name" json:"structure_name"`
	Priority        bool      `bson:"priority" json:"priority"` // from the school: REP, REP+ or QPV
	Name            string    `bson:"name" json:"name"`
	Size            int       `bson:"size" json:"size"`
	Level           string    `bson:"level" json:"level"`
	Wishes          []string  `bson:"wishes" json:"wishes"`
	UpdatedAt       time.Time `bson:"updated_at" json:"updated_at"`
}

// CampaignBookingID names the booking a published allocation makes for a
// group: the same group is booked once however often staff publishes.
func CampaignBookingID(campaignID, groupID string) string {
	return "booking-" + campaignID + "-" + groupID
}
