package matching

import "fmt"

func newProposal(b GrantBudget, n int) Proposal {
	return Proposal{Decisions: make([]Decision, 0, n), Left: b.Total}
}

func (p *Proposal) fund(a GrantApplication, amount int64, reduced bool, why string) {
	p.Decisions = append(p.Decisions, Decision{ApplicationID: a.ID, Amount: amount, Reduced: reduced, Explanation: why})
	p.Funded++
	p.TotalScore += a.Score
	p.Spent += amount
	p.Left -= amount
}

func (p *Proposal) pass(a GrantApplication, why string) {
	p.Decisions = append(p.Decisions, Decision{ApplicationID: a.ID, Explanation: why})
}

// greedyProposal funds in score order and skips what no longer fits; with
// reduced awards, an application that no longer fits in full gets what is
// left if that reaches its minimum.
func greedyProposal(ranked []GrantApplication, b GrantBudget) Proposal {
	p := newProposal(b, len(ranked))
	for i, a := range ranked {
		o := optionsOf(a, b)
		switch {
		case o.full > 0 && o.full <= p.Left:
			p.fund(a, o.full, false, fmt.Sprintf("financé en entier, %de par la note", i+1))
		case o.reduced > 0 && o.reduced <= p.Left:
			amount := min(p.Left, o.cap)
			p.fund(a, amount, true, fmt.Sprintf("financé à %s au lieu de %s, %de par la note", euros(amount), euros(a.Requested), i+1))
		case o.full == 0 && o.reduced == 0:
			p.pass(a, overCap(b))
		default:
			p.pass(a, fmt.Sprintf("passé : %s demandés, il ne restait que %s", euros(a.Requested), euros(p.Left)))
		}
	}
	return p
}

func overCap(b GrantBudget) string {
	return fmt.Sprintf("non financé : la demande dépasse le plafond de %s", euros(b.MaxAward))
}
