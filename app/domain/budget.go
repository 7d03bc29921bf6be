package domain

// ResourceKind tells where a resource line of a budget plan comes from.
type ResourceKind string

const (
	ResourceRequest   ResourceKind = "progress"  // the grant requested from this call
	ResourceCoFunding ResourceKind = "cofunding" // another funder (State, commune, foundation…)
	ResourceOwn       ResourceKind = "own"       // the organisation's own funds or sales
)

// BudgetLine is one expense or resource line, in euro cents.
type BudgetLine struct {
	Label  string       `bson:"label" json:"label"`
	Amount Money        `bson:"amount" json:"amount"`
	Kind   ResourceKind `bson:"kind,omitempty" json:"kind,omitempty"`     // resources only
	Funder string       `bson:"funder,omitempty" json:"funder,omitempty"` // co-funding only
}

// BudgetPlan is the project's provisional budget: it must balance.
type BudgetPlan struct {
	Expenses  []BudgetLine `bson:"expenses" json:"expenses"`
	Resources []BudgetLine `bson:"resources" json:"resources"`
}

// TotalExpenses is the project's total cost.
func (p BudgetPlan) TotalExpenses() Money { return sum(p.Expenses, "") }

// TotalResources is the sum of every resource line.
func (p BudgetPlan) TotalResources() Money { return sum(p.Resources, "") }

// Requested is the amount asked of the call.
func (p BudgetPlan) Requested() Money { return sum(p.Resources, ResourceRequest) }

func sum(lines []BudgetLine, kind ResourceKind) Money {
	var total Money
	for _, l := range lines {
		if kind == "" || l.Kind == kind {
			total += l.Amount
		}
	}
	return total
}

// Problems lists what prevents submitting the plan under a maximum award.
func (p BudgetPlan) Problems(maxAward Money) []*Error {
	problems := lineProblems("budget.expenses", p.Expenses, false)
	problems = append(problems, lineProblems("budget.resources", p.Resources, true)...)
	requested := p.Requested()
	switch {
	case len(p.Expenses) == 0:
		problems = append(problems, FieldError("budget.expenses", "error.budget.no_expense"))
	case p.TotalExpenses() != p.TotalResources():
		problems = append(problems, FieldError("budget.resources", "error.budget.unbalanced"))
	}
	switch {
	case requested <= 0:
		problems = append(problems, FieldError("budget.requested", "error.budget.no_request"))
	case requested > maxAward:
		problems = append(problems, FieldError("budget.requested", "error.budget.over_max_award"))
	case requested > p.TotalExpenses():
		problems = append(problems, FieldError("budget.requested", "error.budget.over_cost"))
	}
	return problems
}

// lineProblems checks each line: a label, a positive amount and, for
// resources, a known kind and the funder of any co-funding.
func lineProblems(field string, lines []BudgetLine, resources bool) []*Error {
	var problems []*Error
	for _, l := range lines {
		switch {
		case l.Label == "":
			problems = append(problems, FieldError(field, "error.budget.line_label"))
		case l.Amount <= 0:
			problems = append(problems, FieldError(field, "error.budget.line_amount"))
		case resources && l.Kind != ResourceRequest && l.Kind != ResourceCoFunding && l.Kind != ResourceOwn:
			problems = append(problems, FieldError(field, "error.budget.resource_kind"))
		case l.Kind == ResourceCoFunding && l.Funder == "":
			problems = append(problems, FieldError(field, "error.budget.funder_required"))
		}
	}
	return problems
}
