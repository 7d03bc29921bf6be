package domain

import (
	"math"
	"testing"
)

func scored(status ReviewStatus, marks ...int) Review {
	r := Review{Status: status}
	for i, m := range marks {
		key := []string{"impact", "innovation", "budget"}[i]
		r.Scores = append(r.Scores, CriterionScore{Key: key, Score: m, NA: m < 0})
	}
	return r
}

func TestAggregate(t *testing.T) {
	call := &Call{DisagreementSpread: 25, Criteria: []Criterion{
		{Key: "impact", Weight: 50}, {Key: "innovation", Weight: 30}, {Key: "budget", Weight: 20}}}
	reviews := []Review{
		scored(ReviewSubmitted, 5, 4, 3),  // 100·(0.5·1 + 0.3·0.8 + 0.2·0.6) = 86
		scored(ReviewSubmitted, 3, -1, 1), // n/a innovation: 100·(0.5·0.6 + 0.2·0.2)/0.7 ≈ 48.57
		scored(ReviewAssigned),
		scored(ReviewConflict),
	}
	s := Aggregate(call, reviews)
	if s.Submitted != 2 || s.Expected != 3 {
		t.Errorf("progress %d/%d, want 2/3", s.Submitted, s.Expected)
	}
	if s.Averages["impact"] != 4 || s.Averages["innovation"] != 4 || s.Averages["budget"] != 2 {
		t.Errorf("averages %v", s.Averages)
	}
	// Averages 4, 4, 2 → 100·(0.5·0.8 + 0.3·0.8 + 0.2·0.4) = 72.
	if math.Abs(s.Total-72) > 1e-9 || math.Abs(s.Spread-(86-340.0/7)) > 1e-9 || !s.Disagree {
		t.Errorf("total %.4f, spread %.4f, disagree %v", s.Total, s.Spread, s.Disagree)
	}
	close := Aggregate(call, []Review{scored(ReviewSubmitted, 4, 4, 4), scored(ReviewSubmitted, 5, 4, 4)})
	if close.Disagree || math.Abs(close.Spread-10) > 1e-9 {
		t.Errorf("spread %.2f flagged %v, want 10 not flagged", close.Spread, close.Disagree)
	}
}

func TestValidateScores(t *testing.T) {
	criteria := []Criterion{{Key: "impact", Weight: 1}, {Key: "budget", Weight: 1}}
	ok := []CriterionScore{{Key: "impact", Score: 5}, {Key: "budget", NA: true}}
	if err := ValidateScores(criteria, ok, RecommendFund); err != nil {
		t.Fatal(err)
	}
	bad := map[string][]CriterionScore{
		"error.review.score":             {{Key: "impact", Score: 6}, {Key: "budget", Score: 1}},
		"error.review.unknown_criterion": {{Key: "impact", Score: 1}, {Key: "budget", Score: 1}, {Key: "charm", Score: 5}},
	}
	for key, scores := range bad {
		if err := ValidateScores(criteria, scores, RecommendFund); ErrorMessage(err) != key {
			t.Errorf("%v: %v, want %s", scores, err, key)
		}
	}
	if err := ValidateScores(criteria, ok, "maybe"); ErrorMessage(err) != "error.review.recommendation" {
		t.Errorf("recommendation: %v", err)
	}
}
