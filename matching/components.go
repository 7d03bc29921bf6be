package matching

import (
	"math"
	"slices"
	"time"
)

// Each criterion maps a fact to a value in [0, 1]. The index calls the same
// functions with its precomputed facts, so both paths score identically.

// distanceValue falls linearly from 1 at the door to 0.5 at the edge of the
// youth's mobility radius and to 0 at twice that radius. It takes the
// inverse of twice the radius (see reach) to multiply rather than divide,
// in the innermost loop of the recommender.
func distanceValue(km, reach float64) float64 {
	return max(0, 1-km*reach)
}

// reach is what distanceValue needs of a mobility radius.
func reach(radiusKm float64) float64 { return 1 / (2 * radiusKm) }

// levelValue is 1 when the youth has the level asked for, 0.5 one step
// below (or when the youth's level is unknown), 0 further below.
func levelValue(youth, offer int) float64 {
	switch {
	case offer == 0 || youth >= offer:
		return 1
	case youth == 0 || youth == offer-1:
		return 0.5
	}
	return 0
}

const (
	freshDays = 7
	staleDays = 30
)

// freshnessValue is 1 during the first week after publication, then fades
// to 0 at thirty days.
func freshnessValue(ageDays float64) float64 {
	if ageDays <= freshDays {
		return 1
	}
	return max(0, 1-(ageDays-freshDays)/(staleDays-freshDays))
}

func flag(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// neverPublished stands for a zero publication time: infinitely old.
const neverPublished = math.MinInt64

func publishedNanos(t time.Time) int64 {
	if t.IsZero() {
		return neverPublished
	}
	return t.UnixNano()
}

// ageDays is how many days before now (both in Unix nanoseconds) an offer
// was published.
func ageDays(published, now int64) float64 {
	if published == neverPublished {
		return math.Inf(1)
	}
	return float64(now-published) / float64(24*time.Hour)
}

// facts is what the explanations of one youth ↔ offer pair are made of.
type facts struct {
	values     [criterionCount]float64
	distanceKm float64 // NaN when the youth's home is unknown
	radiusKm   float64
	interest   *Interest // the first shared interest
	offerType  string    // when wanted
	youthLevel int
	offerLevel int
	ageDays    float64
}

func factsOf(y Youth, o Offer, now time.Time) facts {
	f := facts{distanceKm: math.NaN(), radiusKm: y.mobilityKm(), youthLevel: y.Level,
		offerLevel: o.Level, ageDays: ageDays(publishedNanos(o.Published), now.UnixNano())}
	if y.Home.Known() {
		f.distanceKm = project(y.Home).distance(project(o.Place))
		f.values[CriterionDistance] = distanceValue(f.distanceKm, reach(f.radiusKm))
	}
	if i := slices.IndexFunc(o.Interests, func(in Interest) bool { return slices.Contains(y.Interests, in.Key) }); i >= 0 {
		f.interest = &o.Interests[i]
		f.values[CriterionInterest] = 1
	}
	if slices.Contains(y.WantedTypes, o.Type) {
		f.offerType = o.Type
		f.values[CriterionType] = 1
	}
	f.values[CriterionLevel] = levelValue(y.Level, o.Level)
	f.values[CriterionESS] = flag(y.ESSInterest && o.ESS)
	f.values[CriterionFreshness] = freshnessValue(f.ageDays)
	return f
}
