package matching

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// Candidate is all an employer may see of a youth before an application.
// It has no contact field by design, so a page built from it cannot show one.
type Candidate struct {
	YouthID     string // opaque handle for the application (e.g. to propose the offer), not for display
	FirstName   string
	AgeBand     string // "16–17", in years
	CommuneCode string
	Interests   []string
	Score       float64
	Reasons     []Reason // in the third person: "candidate.distance" ("habite à 3 km"), "candidate.type.apprenticeship"
}

// SuggestCandidates ranks, for offer o, the youths who opted in to be visible
// and meet its constraints; k <= 0 keeps them all. Equal scores are ordered
// by youth ID.
func SuggestCandidates(o Offer, youths []Youth, k int, now time.Time, w Weights) ([]Candidate, error) {
	if err := w.Validate(); err != nil {
		return nil, err
	}
	p := w.points()
	var candidates []Candidate
	for _, y := range youths {
		if y.Visible && check(y, o, now) == nil {
			f := factsOf(y, o, now)
			candidates = append(candidates, candidate(y, &f, p.total(&f.values), now))
		}
	}
	slices.SortFunc(candidates, func(a, b Candidate) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.YouthID, b.YouthID))
	})
	if k > 0 && len(candidates) > k {
		candidates = candidates[:k]
	}
	return candidates, nil
}

func candidate(y Youth, f *facts, score float64, now time.Time) Candidate {
	return Candidate{YouthID: y.ID, FirstName: y.FirstName, AgeBand: AgeBand(y.Age(now)),
		CommuneCode: y.CommuneCode, Interests: slices.Clone(y.Interests), Score: score, Reasons: f.candidateReasons()}
}

// AgeBand coarsens an age in years so that it does not single a youth out.
func AgeBand(age int) string {
	switch {
	case age < 16:
		return "14–15"
	case age < 18:
		return "16–17"
	case age < 21:
		return "18–20"
	}
	return "21–25"
}

// candidateReasons explains the match to the employer, in the third person.
func (f *facts) candidateReasons() []Reason {
	var reasons []Reason
	if f.values[CriterionDistance] > 0 {
		reasons = append(reasons, because("candidate.distance", int(math.Round(max(1, f.distanceKm)))))
	}
	if f.interest != nil {
		reasons = append(reasons, f.interest.reason("candidate."))
	}
	if f.offerType != "" {
		reasons = append(reasons, because("candidate.type."+f.offerType))
	}
	if f.values[CriterionLevel] == 1 && f.offerLevel > 0 {
		reasons = append(reasons, because("candidate.level"))
	}
	if f.values[CriterionESS] > 0 {
		reasons = append(reasons, because("candidate.ess"))
	}
	return reasons
}
