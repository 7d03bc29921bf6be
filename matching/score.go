package matching

import "time"

// Component is one criterion's share of a score, with its reason.
type Component struct {
	Criterion Criterion
	Points    float64 // earned, out of MaxPoints
	MaxPoints float64 // the criterion's weight, scaled to a score out of 100
	Reason    Reason  // zero when there is nothing to say
}

// Match is an offer scored for a youth (or a youth for an offer).
type Match struct {
	OfferID    string
	YouthID    string
	Score      float64 // out of 100
	Components []Component
}

// Reasons lists the explanations of the components that earned points,
// in criterion order: what to show next to a recommendation.
func (m Match) Reasons() []Reason {
	var reasons []Reason
	for _, c := range m.Components {
		if c.Points > 0 && !c.Reason.IsZero() {
			reasons = append(reasons, c.Reason)
		}
	}
	return reasons
}

// Score rates offer o for youth y on day now. It returns a *Refusal naming
// the failed constraint when the offer is not open to this youth.
func Score(y Youth, o Offer, now time.Time, w Weights) (Match, error) {
	if err := w.Validate(); err != nil {
		return Match{}, err
	}
	if r := check(y, o, now); r != nil {
		return Match{}, r
	}
	p := w.points()
	f := factsOf(y, o, now)
	return f.match(y.ID, o.ID, &p), nil
}

func (f *facts) match(youthID, offerID string, p *points) Match {
	m := Match{OfferID: offerID, YouthID: youthID, Score: p.total(&f.values),
		Components: make([]Component, criterionCount)}
	for c := range criterionCount {
		m.Components[c] = Component{Criterion: c, Points: p[c] * f.values[c], MaxPoints: p[c],
			Reason: f.explanation(c)}
	}
	return m
}
