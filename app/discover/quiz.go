package discover

import (
	"cmp"
	"slices"

	"passerelle/app/refdata"
)

// ESSInterest is the interest a youth holds for the social and solidarity
// economy, next to the families' keys.
const ESSInterest = "ess"

// Question is one question of « Quel métier pour moi ? »: its text is the
// catalog's quiz.question.<ID>, the reason it gives quiz.reason.<ID>. Each
// answer adds its points (2 for yes, 1 for a little) times Weights to the
// interests, and points to the ROME jobs of Jobs.
type Question struct {
	ID      string
	Weights map[string]int // interest (a family key or ESSInterest) → weight
	Jobs    []string       // ROME family heads the question points to
}

// Questions are the questionnaire, in order.
var Questions = []Question{
	{ID: "children", Weights: map[string]int{"petite_enfance": 3}, Jobs: []string{"K1303", "J1304"}},
	{ID: "care", Weights: map[string]int{"petite_enfance": 2, ESSInterest: 1}, Jobs: []string{"J1304"}},
	{ID: "patience", Weights: map[string]int{"petite_enfance": 2}},
	{ID: "computers", Weights: map[string]int{"informatique": 3}, Jobs: []string{"M1810"}},
	{ID: "create", Weights: map[string]int{"informatique": 3}, Jobs: []string{"M1805"}},
	{ID: "puzzles", Weights: map[string]int{"informatique": 2}, Jobs: []string{"M1805", "M1810"}},
	{ID: "cooking", Weights: map[string]int{"metiers_de_bouche": 3}, Jobs: []string{"G1602", "D1104"}},
	{ID: "hands", Weights: map[string]int{"metiers_de_bouche": 2}, Jobs: []string{"D1102", "D1101"}},
	{ID: "early", Weights: map[string]int{"metiers_de_bouche": 2}, Jobs: []string{"D1102"}},
	{ID: "customers", Weights: map[string]int{"metiers_de_bouche": 1, ESSInterest: 1}, Jobs: []string{"D1101"}},
	{ID: "useful", Weights: map[string]int{ESSInterest: 3}},
	{ID: "together", Weights: map[string]int{ESSInterest: 2}},
}

// Answer points: how much a youth agrees with a question.
const (
	No      = 0
	ALittle = 1
	Yes     = 2
)

// Proposal is an interest the answers point to, with the questions that
// led there (the reasons) and the jobs they name.
type Proposal struct {
	Interest string
	Percent  int // of the interest's highest possible score
	Reasons  []string
	Jobs     []string // ROME family heads, most pointed to first
}

// proposeFrom is the share of an interest's highest score from which the
// questionnaire proposes it.
const proposeFrom = 40

// Propose scores the answers (question ID → points) and returns the
// interests reaching proposeFrom percent, best first.
func Propose(answers map[string]int) []Proposal {
	score, best := map[string]int{}, map[string]int{}
	reasons, jobs := map[string][]string{}, map[string]map[string]int{}
	for _, q := range Questions {
		points := answers[q.ID]
		for interest, w := range q.Weights {
			best[interest] += Yes * w
			if points == No {
				continue
			}
			score[interest] += points * w
			reasons[interest] = append(reasons[interest], q.ID)
			if jobs[interest] == nil {
				jobs[interest] = map[string]int{}
			}
			for _, code := range q.Jobs {
				if family, _ := refdata.TensionFamily(code); family == interest {
					jobs[interest][code] += points * w
				}
			}
		}
	}
	var list []Proposal
	for interest, s := range score {
		if p := 100 * s / best[interest]; p >= proposeFrom {
			list = append(list, Proposal{Interest: interest, Percent: p, Reasons: reasons[interest], Jobs: ranked(jobs[interest])})
		}
	}
	slices.SortFunc(list, func(a, b Proposal) int {
		return cmp.Or(cmp.Compare(b.Percent, a.Percent), cmp.Compare(a.Interest, b.Interest))
	})
	return list
}

func ranked(points map[string]int) []string {
	codes := make([]string, 0, len(points))
	for code := range points {
		codes = append(codes, code)
	}
	slices.SortFunc(codes, func(a, b string) int { return cmp.Or(cmp.Compare(points[b], points[a]), cmp.Compare(a, b)) })
	return codes
}
