package domain

// Call defaults: the PROGR'ESS rules unless staff set others.
const (
	DefaultMinReviewers       = 2
	DefaultDisagreementSpread = 25.0
)

// Validate checks a call before it is saved; the error names the field.
func (c *Call) Validate() error {
	checks := []struct {
		ok         bool
		field, key string
	}{
		{c.Title != "", "title", "error.call.title_required"},
		{c.Budget > 0, "budget", "error.call.budget_positive"},
		{c.MaxAward > 0 && c.MaxAward <= c.Budget, "max_award", "error.call.max_award_range"},
		{!c.OpensAt.IsZero(), "opens_at", "error.call.opens_at_required"},
		{c.ClosesAt.After(c.OpensAt), "closes_at", "error.call.closes_before_opens"},
		{validLegalForms(c.LegalForms), "legal_forms", "error.call.legal_forms"},
		{c.Territory == TerritorySeat || c.Territory == TerritorySeatOrAction, "territory", "error.call.territory"},
		{validCriteria(c.Criteria), "criteria", "error.call.criteria"},
		{len(c.Axes) == 4 && allNonEmpty(c.Axes), "axes", "error.call.axes"},
		{validDocuments(c.RequiredDocuments), "required_documents", "error.call.documents"},
		{c.MinReviewers >= 1, "min_reviewers", "error.call.min_reviewers"},
		{c.DisagreementSpread > 0 && c.DisagreementSpread <= 100, "disagreement_spread", "error.call.spread"},
	}
	for _, check := range checks {
		if !check.ok {
			return FieldError(check.field, check.key)
		}
	}
	return nil
}

// validLegalForms accepts a non-empty list of the kinds PROGR'ESS funds.
func validLegalForms(forms []OrganisationKind) bool {
	for _, f := range forms {
		if !f.IsESS() {
			return false
		}
	}
	return len(forms) > 0
}

// validCriteria wants unique keys, labels and positive weights.
func validCriteria(criteria []Criterion) bool {
	seen := map[string]bool{}
	for _, c := range criteria {
		if c.Key == "" || c.Label == "" || c.Weight <= 0 || seen[c.Key] {
			return false
		}
		seen[c.Key] = true
	}
	return len(criteria) > 0
}

func validDocuments(kinds []DocumentKind) bool {
	for _, k := range kinds {
		if !k.Valid() {
			return false
		}
	}
	return true
}

func allNonEmpty(values []string) bool {
	for _, v := range values {
		if v == "" {
			return false
		}
	}
	return true
}
