package domain

import "testing"

func plan(expenses []Money, resources ...BudgetLine) BudgetPlan {
	p := BudgetPlan{Resources: resources}
	for _, e := range expenses {
		p.Expenses = append(p.Expenses, BudgetLine{Label: "Dépense", Amount: e})
	}
	return p
}

func request(m Money) BudgetLine {
	return BudgetLine{Label: "PROGR'ESS", Amount: m, Kind: ResourceRequest}
}

func TestBudgetPlanProblems(t *testing.T) {
	maxAward := Euros(15_000)
	cofund := BudgetLine{Label: "Ville", Amount: Euros(5_000), Kind: ResourceCoFunding, Funder: "Ville de Nanterre"}
	cases := []struct {
		name string
		plan BudgetPlan
		want []string
	}{
		{"balanced with co-funding", plan([]Money{Euros(12_000), Euros(3_000)}, request(Euros(10_000)), cofund), nil},
		{"one cent short", plan([]Money{Euros(15_000) + 1}, request(Euros(10_000)), cofund), []string{"error.budget.unbalanced"}},
		{"over the maximum award", plan([]Money{Euros(20_000)}, request(Euros(15_000)+1), BudgetLine{Label: "Fonds propres", Amount: Euros(5_000) - 1, Kind: ResourceOwn}), []string{"error.budget.over_max_award"}},
		{"exactly the maximum award", plan([]Money{Euros(15_000)}, request(Euros(15_000))), nil},
		{"no request", plan([]Money{Euros(5_000)}, cofund), []string{"error.budget.no_request"}},
		{"no expense", plan(nil, request(Euros(1_000))), []string{"error.budget.no_expense", "error.budget.over_cost"}},
		{"co-funding without funder", plan([]Money{Euros(6_000)}, request(Euros(1_000)), BudgetLine{Label: "Aide", Amount: Euros(5_000), Kind: ResourceCoFunding}), []string{"error.budget.funder_required"}},
		{"negative line", plan([]Money{-Euros(1)}, request(Euros(1))), []string{"error.budget.line_amount", "error.budget.unbalanced", "error.budget.over_cost"}},
		{"unknown resource", plan([]Money{Euros(2)}, request(Euros(1)), BudgetLine{Label: "?", Amount: Euros(1), Kind: "gift"}), []string{"error.budget.resource_kind"}},
	}
	for _, c := range cases {
		var got []string
		for _, p := range c.plan.Problems(maxAward) {
			got = append(got, p.Message)
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: %v, want %v", c.name, got, c.want)
			}
		}
	}
}

func TestBudgetTotals(t *testing.T) {
	p := plan([]Money{Euros(12_000), 350}, request(Euros(7_000)), BudgetLine{Label: "Ville", Amount: Euros(5_000) + 350, Kind: ResourceCoFunding, Funder: "Ville"})
	if p.TotalExpenses() != 1_200_350 || p.TotalResources() != 1_200_350 || p.Requested() != 700_000 {
		t.Errorf("totals %d/%d, requested %d", p.TotalExpenses(), p.TotalResources(), p.Requested())
	}
}
