package domain

import "time"

// Money is an amount in euro cents.
type Money int64

// Euros returns a Money of whole euros.
func Euros(n int64) Money { return Money(n * 100) }

// Criterion is a weighted scoring criterion of a call.
type Criterion struct {
	Key    string `bson:"key" json:"key"`
	Label  string `bson:"label" json:"label"`
	Weight int    `bson:"weight" json:"weight"`
}

// TerritoryRule says how an applicant must be tied to the Hauts-de-Seine.
type TerritoryRule string

const (
	TerritorySeat         TerritoryRule = "seat"           // registered office in the 92
	TerritorySeatOrAction TerritoryRule = "seat_or_action" // office or project communes in the 92
)

// Call is an edition of the PROGR'ESS call for projects.
type Call struct {
	ID                string             `bson:"_id" json:"id"`
	Title             string             `bson:"title" json:"title"`
	Theme             string             `bson:"theme" json:"theme"`
	Rules             string             `bson:"rules" json:"rules"`
	Budget            Money              `bson:"budget" json:"budget"`
	MaxAward          Money              `bson:"max_award" json:"max_award"`
	OpensAt           time.Time          `bson:"opens_at" json:"opens_at"`
	ClosesAt          time.Time          `bson:"closes_at" json:"closes_at"`
	LegalForms        []OrganisationKind `bson:"legal_forms" json:"legal_forms"`
	Territory         TerritoryRule      `bson:"territory" json:"territory"`
	Criteria          []Criterion        `bson:"criteria" json:"criteria"`
	Axes              []string           `bson:"axes" json:"axes"`
	RequiredDocuments []DocumentKind     `bson:"required_documents" json:"required_documents"`
	MinReviewers      int                `bson:"min_reviewers" json:"min_reviewers"`
	// DisagreementSpread is the gap between two reviewers' weighted totals
	// (out of 100) above which a file is flagged for discussion.
	DisagreementSpread float64   `bson:"disagreement_spread" json:"disagreement_spread"`
	LaureatesPublished bool      `bson:"laureates_published" json:"laureates_published"`
	CreatedAt          time.Time `bson:"created_at" json:"created_at"`
	UpdatedAt          time.Time `bson:"updated_at" json:"updated_at"`
	// ClosedAt is when the closing job closed the call (drafts' editors and
	// staff told) at its closing instant; submission is refused from
	// ClosesAt on by the clock whether or not the job has run.
	ClosedAt *time.Time `bson:"closed_at,omitempty" json:"closed_at,omitempty"`

	// Committed, AwardedIDs and AwardAmounts change only together, in one
	// conditional update of this document, so that the budget is never
	// exceeded and an application is never funded twice, whatever the
	// concurrency; AwardAmounts (by application ID) is the amount of record.
	Committed    Money            `bson:"committed" json:"committed"`
	AwardedIDs   []string         `bson:"awarded_ids,omitempty" json:"awarded_ids"`
	AwardAmounts map[string]Money `bson:"award_amounts,omitempty" json:"award_amounts"`
}

// Remaining is the part of the budget not yet committed to awards.
func (c *Call) Remaining() Money { return c.Budget - c.Committed }

// Accepts reports whether an organisation of kind k may apply.
func (c *Call) Accepts(k OrganisationKind) bool {
	for _, form := range c.LegalForms {
		if form == k {
			return true
		}
	}
	return false
}

// CheckClosed refuses an award or the laureates' publication while the call
// still takes files: the ranking is final only once it closes.
func (c *Call) CheckClosed(now time.Time) error {
	if now.Before(c.ClosesAt) {
		return &Error{Code: ECONFLICT, Message: "error.call.not_closed"}
	}
	return nil
}

// IsOpen reports whether applications may be submitted at instant now.
func (c *Call) IsOpen(now time.Time) bool {
	return !now.Before(c.OpensAt) && now.Before(c.ClosesAt)
}

// ClosingDue reports whether the closing job has yet to close the call at
// instant now; a call whose closing was moved later after it was closed is
// due again at its new instant.
func (c *Call) ClosingDue(now time.Time) bool {
	return !now.Before(c.ClosesAt) && c.Unclosed()
}

// Unclosed reports whether the closing job has still to close the call, now
// or at its closing instant.
func (c *Call) Unclosed() bool { return c.ClosedAt == nil || c.ClosedAt.Before(c.ClosesAt) }
