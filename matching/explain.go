package matching

import (
	"fmt"
	"math"
	"strings"
)

// Reason is an explanation for people, as a key and its values: the
// application words it in the reader's language ("reason.<Key>" in its
// catalogs), so that matching holds no text.
type Reason struct {
	Key  string // e.g. "distance", "interest.informatique", "type.apprenticeship"
	Args []any
}

// String is the key and its values, e.g. "distance 3": what tests and logs show.
func (r Reason) String() string {
	return strings.TrimSpace(r.Key + " " + strings.Trim(fmt.Sprint(r.Args...), "[]"))
}

// IsZero says there is nothing to explain.
func (r Reason) IsZero() bool { return r.Key == "" }

func because(key string, args ...any) Reason { return Reason{Key: key, Args: args} }

// explanation returns the reason for criterion c, addressed to the youth,
// or a zero Reason when the criterion has nothing to say about this pair.
func (f *facts) explanation(c Criterion) Reason {
	switch c {
	case CriterionDistance:
		return f.distanceReason()
	case CriterionInterest:
		return ifSet(f.interest != nil, func() Reason { return f.interest.reason("") })
	case CriterionType:
		return ifSet(f.offerType != "", func() Reason { return because("type." + f.offerType) })
	case CriterionLevel:
		return f.levelReason()
	case CriterionESS:
		return ifSet(f.values[CriterionESS] > 0, func() Reason { return because("ess") })
	}
	return f.freshnessReason()
}

func ifSet(cond bool, reason func() Reason) Reason {
	if !cond {
		return Reason{}
	}
	return reason()
}

// reason is why interest in matters, under prefix: a family the youth chose
// by its key, a ROME sub-domain by its name.
func (in *Interest) reason(prefix string) Reason {
	if in.Name != "" {
		return because(prefix+"subdomain", in.Name)
	}
	return because(prefix + "interest." + in.Key)
}

func (f *facts) distanceReason() Reason {
	km := int(math.Round(f.distanceKm))
	switch {
	case math.IsNaN(f.distanceKm):
		return Reason{}
	case f.distanceKm < 1:
		return because("distance.near")
	case f.distanceKm > f.radiusKm:
		return because("distance.beyond", km, int(math.Round(f.radiusKm)))
	}
	return because("distance", km)
}

func (f *facts) levelReason() Reason {
	switch {
	case f.offerLevel == 0:
		return because("level.any")
	case f.youthLevel >= f.offerLevel:
		return because("level.yours")
	case f.youthLevel == 0:
		return because("level.unknown")
	case f.youthLevel == f.offerLevel-1:
		return because("level.just_above")
	}
	return because("level.above")
}

func (f *facts) freshnessReason() Reason {
	switch {
	case f.ageDays <= freshDays:
		return because("fresh")
	case f.ageDays < staleDays:
		return because("published", int(math.Floor(f.ageDays)))
	}
	return Reason{}
}
