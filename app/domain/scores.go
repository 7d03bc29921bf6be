package domain

import "math"

// ScoreSummary aggregates the reviews of one file for staff.
type ScoreSummary struct {
	Submitted int                // reviews submitted
	Expected  int                // reviews assigned and not withdrawn for a conflict
	Averages  map[string]float64 // per criterion, 0–5, over the reviewers who marked it
	Total     float64            // weighted total out of 100
	Spread    float64            // largest gap between two reviewers' totals, out of 100
	Disagree  bool               // spread above the call's threshold: discuss the file
}

// Aggregate computes averages, the weighted total and the reviewers'
// disagreement from the submitted reviews of one file; n/a marks are left
// out of both the averages and the weights.
func Aggregate(call *Call, reviews []Review) ScoreSummary {
	s := ScoreSummary{Averages: map[string]float64{}}
	sums, counts := map[string]float64{}, map[string]int{}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, r := range reviews {
		if r.Status != ReviewConflict {
			s.Expected++
		}
		if r.Status != ReviewSubmitted {
			continue
		}
		s.Submitted++
		marks := map[string]float64{}
		for _, sc := range r.Scores {
			if !sc.NA {
				marks[sc.Key] = float64(sc.Score)
				sums[sc.Key] += float64(sc.Score)
				counts[sc.Key]++
			}
		}
		total := weightedTotal(call.Criteria, marks)
		lo, hi = math.Min(lo, total), math.Max(hi, total)
	}
	for key, n := range counts {
		s.Averages[key] = sums[key] / float64(n)
	}
	s.Total = weightedTotal(call.Criteria, s.Averages)
	if s.Submitted > 1 {
		s.Spread = hi - lo
		s.Disagree = s.Spread > call.DisagreementSpread
	}
	return s
}

// weightedTotal turns 0–5 marks into a total out of 100, weighting each
// criterion by its weight among the criteria that were marked.
func weightedTotal(criteria []Criterion, marks map[string]float64) float64 {
	var points, weights float64
	for _, c := range criteria {
		if m, ok := marks[c.Key]; ok {
			points += m / MaxScore * float64(c.Weight)
			weights += float64(c.Weight)
		}
	}
	if weights == 0 {
		return 0
	}
	return 100 * points / weights
}
