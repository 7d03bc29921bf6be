package domain

import (
	"errors"
	"testing"
)

func TestDiffNamesChangedFields(t *testing.T) {
	before := GrantContent{Project: Project{Title: "Épicerie solidaire", Communes: []string{"92050"}}}
	after := before
	after.Project.Communes = []string{"92050", "92025"}
	after.Budget.Expenses = []BudgetLine{{Label: "Loyer", Amount: Euros(3_000)}}
	changes := Diff(before, after)
	if len(changes) != 2 || changes[0].Field != "project.communes" || changes[1].Field != "budget.expenses" {
		t.Errorf("changes %+v", changes)
	}
	if len(Diff(after, after)) != 0 {
		t.Error("a content differs from itself")
	}
}

func TestCallValidate(t *testing.T) {
	valid := func() Call {
		opens, _ := ParisInstant("opens_at", "2026-09-01T09:00")
		return Call{Title: "PROGR'ESS 2026", Budget: Euros(100_000), MaxAward: Euros(15_000), OpensAt: opens,
			ClosesAt: opens.AddDate(0, 2, 0), LegalForms: []OrganisationKind{KindAssociation}, Territory: TerritorySeat,
			Criteria: []Criterion{{Key: "impact", Label: "Impact", Weight: 1}}, Axes: []string{"a", "b", "c", "d"},
			RequiredDocuments: []DocumentKind{DocStatutes}, MinReviewers: 2, DisagreementSpread: 25}
	}
	c := valid()
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	breaks := map[string]func(*Call){
		"max_award":   func(c *Call) { c.MaxAward = c.Budget + 1 },
		"closes_at":   func(c *Call) { c.ClosesAt = c.OpensAt },
		"legal_forms": func(c *Call) { c.LegalForms = []OrganisationKind{KindCompany} },
		"criteria":    func(c *Call) { c.Criteria = append(c.Criteria, c.Criteria[0]) },
		"axes":        func(c *Call) { c.Axes = c.Axes[:3] },
		"territory":   func(c *Call) { c.Territory = "anywhere" },
	}
	for field, breakIt := range breaks {
		c := valid()
		breakIt(&c)
		var e *Error
		if err := c.Validate(); err == nil || !errors.As(err, &e) || e.Field != field {
			t.Errorf("%s: %v", field, err)
		}
	}
}
