package matching

import (
	"errors"
	"math"
)

// Criterion is one weighted component of the youth ↔ offer score.
type Criterion int

const (
	CriterionDistance Criterion = iota
	CriterionInterest
	CriterionType
	CriterionLevel
	CriterionESS
	CriterionFreshness
	criterionCount
)

var criterionNames = [criterionCount]string{"distance", "interest", "type", "level", "ess", "freshness"}

func (c Criterion) String() string { return criterionNames[c] }

// Weights are the relative importance of each criterion; only their ratios
// matter, the score is always out of 100.
type Weights struct {
	Distance  float64
	Interest  float64
	Type      float64
	Level     float64
	ESS       float64
	Freshness float64
}

// DefaultWeights favours what the youth asked for: where, what and which kind.
func DefaultWeights() Weights {
	return Weights{Distance: 30, Interest: 30, Type: 20, Level: 10, ESS: 5, Freshness: 5}
}

// ErrWeights is returned for negative, non-finite or all-zero weights.
var ErrWeights = errors.New("matching: weights must be finite, non-negative and not all zero")

// Validate reports whether the weights can produce a score.
func (w Weights) Validate() error {
	sum := 0.0
	for _, v := range w.values() {
		if v < 0 || math.IsInf(v, 0) || math.IsNaN(v) {
			return ErrWeights
		}
		sum += v
	}
	if sum == 0 {
		return ErrWeights
	}
	return nil
}

func (w Weights) values() [criterionCount]float64 {
	return [criterionCount]float64{w.Distance, w.Interest, w.Type, w.Level, w.ESS, w.Freshness}
}

// points holds, per criterion, the points a full match earns (out of 100).
type points [criterionCount]float64

func (w Weights) points() points {
	values := w.values()
	sum := 0.0
	for _, v := range values {
		sum += v
	}
	var p points
	for i, v := range values {
		p[i] = 100 * v / sum
	}
	return p
}

// total is the score of component values in [0, 1]. Every path (single
// score, index bounds, top-k) goes through it so their sums agree exactly.
func (p *points) total(values *[criterionCount]float64) float64 {
	sum := 0.0
	for i, v := range values {
		sum += p[i] * v
	}
	return sum
}
