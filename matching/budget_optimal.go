package matching

import (
	"fmt"
	"strings"
)

// optimalProposal is the knapsack optimum, or the greedy proposal when it
// scores as much (the rounding of cents to euros can only make the
// knapsack's view of the budget tighter, never looser).
func optimalProposal(ranked []GrantApplication, b GrantBudget, greedy Proposal) Proposal {
	chosen := knapsack(ranked, b)
	if fromGreedy := choicesOf(greedy); totalMilli(ranked, fromGreedy) >= totalMilli(ranked, chosen) {
		chosen = fromGreedy
	}
	return proposalOf(ranked, b, chosen)
}

func choicesOf(p Proposal) []choice {
	chosen := make([]choice, len(p.Decisions))
	for i, d := range p.Decisions {
		switch {
		case d.Reduced:
			chosen[i] = choiceReduced
		case d.Amount > 0:
			chosen[i] = choiceFull
		}
	}
	return chosen
}

func totalMilli(ranked []GrantApplication, chosen []choice) int64 {
	total := int64(0)
	for i, c := range chosen {
		if c != choiceNone {
			total += milliPoints(ranked[i].Score)
		}
	}
	return total
}

// proposalOf funds the chosen amounts, then gives the money left to the
// reduced awards, in score order, up to what each may receive.
func proposalOf(ranked []GrantApplication, b GrantBudget, chosen []choice) Proposal {
	amounts, left := make([]int64, len(ranked)), b.Total
	for i, a := range ranked {
		o := optionsOf(a, b)
		amounts[i] = pick(chosen[i], o.full, o.reduced)
		left -= amounts[i]
	}
	for i, a := range ranked {
		if chosen[i] == choiceReduced {
			extra := min(left, optionsOf(a, b).cap-amounts[i])
			amounts[i], left = amounts[i]+extra, left-extra
		}
	}
	p := newProposal(b, len(ranked))
	for i, a := range ranked {
		p.decide(a, b, amounts[i], chosen[i])
	}
	return p
}

func (p *Proposal) decide(a GrantApplication, b GrantBudget, amount int64, c choice) {
	o := optionsOf(a, b)
	switch {
	case c == choiceFull:
		p.fund(a, amount, false, "retenu en entier")
	case c == choiceReduced:
		p.fund(a, amount, true, fmt.Sprintf("retenu à %s au lieu de %s", euros(amount), euros(a.Requested)))
	case o.full == 0 && o.reduced == 0:
		p.pass(a, overCap(b))
	default:
		p.pass(a, "non retenu : le même argent rapporte plus de points sur d'autres dossiers")
	}
}

// difference explains, in French, how the optimum differs from the greedy.
func difference(ranked []GrantApplication, greedy, optimal Proposal) string {
	var onlyOptimal, onlyGreedy []string
	sameAmounts := true
	for i, a := range ranked {
		g, o := greedy.Decisions[i].Amount, optimal.Decisions[i].Amount
		sameAmounts = sameAmounts && g == o
		if o > 0 && g == 0 {
			onlyOptimal = append(onlyOptimal, a.ID)
		}
		if g > 0 && o == 0 {
			onlyGreedy = append(onlyGreedy, a.ID)
		}
	}
	totals := fmt.Sprintf("score total %s contre %s ; reste %s contre %s", points1(optimal.TotalScore),
		points1(greedy.TotalScore), euros(optimal.Left), euros(greedy.Left))
	switch {
	case sameAmounts:
		return fmt.Sprintf("Les deux propositions sont identiques : financer dans l'ordre des notes est déjà optimal (score total %s, reste %s).",
			points1(greedy.TotalScore), euros(greedy.Left))
	case len(onlyOptimal) == 0 && len(onlyGreedy) == 0:
		return "Les mêmes dossiers sont financés, avec des montants réduits différents : " + totals + "."
	}
	return fmt.Sprintf("L'optimum finance %s au lieu de %s : %s.", list(onlyOptimal), list(onlyGreedy), totals)
}

func points1(score float64) string {
	return strings.Replace(fmt.Sprintf("%.1f", score), ".", ",", 1)
}

func list(ids []string) string {
	if len(ids) == 0 {
		return "aucun autre dossier"
	}
	return strings.Join(ids, ", ")
}
