package domain

import "time"

// ReviewStatus is where a reviewer stands on a file assigned to them.
type ReviewStatus string

const (
	ReviewAssigned  ReviewStatus = "assigned"
	ReviewConflict  ReviewStatus = "conflict" // declared: the reviewer no longer sees the file
	ReviewSubmitted ReviewStatus = "submitted"
)

// Recommendation is a reviewer's conclusion.
type Recommendation string

const (
	RecommendFund       Recommendation = "fund"
	RecommendReservedly Recommendation = "fund_with_reservations"
	RecommendDecline    Recommendation = "decline"
)

// MaxScore is the best score of a criterion.
const MaxScore = 5

// CriterionScore is a reviewer's mark for one criterion; NA when the
// criterion does not apply to the project.
type CriterionScore struct {
	Key   string `bson:"key" json:"key"`
	Score int    `bson:"score" json:"score"`
	NA    bool   `bson:"na" json:"na"`
}

// Review is one reviewer's assignment to one file and, once submitted, their
// scores; its ID is ReviewID(grant, reviewer), so an assignment is unique.
type Review struct {
	ID             string           `bson:"_id" json:"id"`
	GrantID        string           `bson:"grant_id" json:"grant_id"`
	CallID         string           `bson:"call_id" json:"call_id"`
	ReviewerID     string           `bson:"reviewer_id" json:"reviewer_id"`
	Status         ReviewStatus     `bson:"status" json:"status"`
	Scores         []CriterionScore `bson:"scores" json:"scores"`
	Comment        string           `bson:"comment" json:"comment"`
	Recommendation Recommendation   `bson:"recommendation" json:"recommendation"`
	ConflictReason string           `bson:"conflict_reason,omitempty" json:"conflict_reason,omitempty"`
	AssignedBy     string           `bson:"assigned_by" json:"assigned_by"`
	AssignedAt     time.Time        `bson:"assigned_at" json:"assigned_at"`
	SubmittedAt    *time.Time       `bson:"submitted_at,omitempty" json:"submitted_at,omitempty"`
}

// ReviewID is the identifier of reviewer's review of a grant application.
func ReviewID(grantID, reviewerID string) string { return grantID + ":" + reviewerID }

// ValidateScores checks a review before submission: every criterion of the
// call marked once, 0–5 or n/a, and a recommendation.
func ValidateScores(criteria []Criterion, scores []CriterionScore, rec Recommendation) error {
	given := map[string]CriterionScore{}
	for _, s := range scores {
		given[s.Key] = s
	}
	for _, c := range criteria {
		s, ok := given[c.Key]
		if !ok || (!s.NA && (s.Score < 0 || s.Score > MaxScore)) {
			return FieldError("score_"+c.Key, "error.review.score")
		}
	}
	if len(given) != len(criteria) || len(scores) != len(criteria) {
		return FieldError("scores", "error.review.unknown_criterion")
	}
	if rec != RecommendFund && rec != RecommendReservedly && rec != RecommendDecline {
		return FieldError("recommendation", "error.review.recommendation")
	}
	return nil
}
