package matching

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
)

// Grant budget allocation for PROGR'ESS: two proposals side by side, staff
// choose one. Amounts are in euro cents.

// GrantApplication is a scored application asking for a grant.
type GrantApplication struct {
	ID        string
	Score     float64 // the jury's score: higher is better
	Requested int64   // cents
	Minimum   int64   // cents; the smallest reduced award accepted, 0 when none is
}

// GrantBudget is what the call can give.
type GrantBudget struct {
	Total        int64 // cents
	MaxAward     int64 // cents
	AllowReduced bool  // may an application be funded between its Minimum and its request
}

// Decision is one application's outcome in a proposal.
type Decision struct {
	ApplicationID string
	Amount        int64 // cents; 0 when not funded
	Reduced       bool
	Explanation   string
}

// Proposal is one way of spending the budget; decisions are in score order.
type Proposal struct {
	Decisions  []Decision
	Funded     int
	TotalScore float64
	Spent      int64
	Left       int64
}

// BudgetComparison holds the two proposals and what differs, in French.
type BudgetComparison struct {
	Greedy     Proposal // in score order, skipping what no longer fits
	Optimal    Proposal // the greatest total score within the budget
	Difference string
}

// ErrBudget is wrapped by every validation error of AllocateBudget.
var ErrBudget = errors.New("matching: invalid budget allocation")

// AllocateBudget proposes (a) ranked greedy with skip: fund in score order,
// skip what no longer fits, as participatory budgets do; and (b) the exact
// optimum, a 0/1 knapsack in whole euros maximising the total score (with
// reduced awards, each application is funded in full, at its minimum, or
// not at all; money left is then given back to reduced awards in score order).
func AllocateBudget(apps []GrantApplication, b GrantBudget) (BudgetComparison, error) {
	if err := validateBudget(apps, b); err != nil {
		return BudgetComparison{}, err
	}
	ranked := slices.SortedFunc(slices.Values(apps), func(x, y GrantApplication) int {
		return cmp.Or(cmp.Compare(y.Score, x.Score), cmp.Compare(x.ID, y.ID))
	})
	greedy := greedyProposal(ranked, b)
	optimal := optimalProposal(ranked, b, greedy)
	return BudgetComparison{Greedy: greedy, Optimal: optimal, Difference: difference(ranked, greedy, optimal)}, nil
}

func validateBudget(apps []GrantApplication, b GrantBudget) error {
	if b.Total < 0 || b.MaxAward <= 0 {
		return fmt.Errorf("%w: budget %d and maximum award %d", ErrBudget, b.Total, b.MaxAward)
	}
	seen := map[string]bool{}
	for _, a := range apps {
		if seen[a.ID] || a.Requested <= 0 || a.Minimum < 0 || a.Minimum > a.Requested {
			return fmt.Errorf("%w: application %q (duplicate, or amounts %d/%d)", ErrBudget, a.ID, a.Requested, a.Minimum)
		}
		seen[a.ID] = true
	}
	return nil
}

// options are the amounts an application may receive: in full when within
// the maximum award, and at its minimum when reduced awards are allowed.
type options struct {
	full    int64 // 0 when not possible
	reduced int64 // 0 when not possible
	cap     int64 // the most it may receive
}

func optionsOf(a GrantApplication, b GrantBudget) options {
	o := options{cap: min(a.Requested, b.MaxAward)}
	if a.Requested <= b.MaxAward {
		o.full = a.Requested
	}
	if b.AllowReduced && a.Minimum > 0 && a.Minimum <= o.cap && a.Minimum != o.full {
		o.reduced = a.Minimum
	}
	return o
}
