package web

import (
	"net/url"
	"strconv"
	"strings"

	"passerelle/app/domain"
)

// budgetRows is how many expense and resource lines the budget form offers.
const budgetRows = 8

// Each step of the application form reads its fields from a url.Values
// (what was typed, shown again as is when it is refused) and writes them back
// from the saved draft, so that a page always shows exactly one of the two.

func identityForm(v domain.Identity) url.Values {
	return url.Values{"name": {v.Name}, "kind": {string(v.Kind)}, "rna": {v.RNA}, "siret": {v.SIRET},
		"commune_code": {v.CommuneCode}, "address": {v.Address}, "contact_name": {v.ContactName},
		"contact_email": {v.ContactEmail}, "contact_phone": {v.ContactPhone}}
}

func identityOf(f url.Values, saved domain.Identity) domain.Identity {
	return domain.Identity{Name: f.Get("name"), Kind: saved.Kind, RNA: strings.ToUpper(f.Get("rna")),
		SIRET: strings.ReplaceAll(f.Get("siret"), " ", ""), CommuneCode: f.Get("commune_code"), Address: f.Get("address"),
		ContactName: f.Get("contact_name"), ContactEmail: strings.TrimSpace(f.Get("contact_email")),
		ContactPhone: f.Get("contact_phone")}
}

func projectForm(v domain.Project) url.Values {
	indicators := make([]string, len(v.Indicators))
	for i, ind := range v.Indicators {
		indicators[i] = ind.Label + " : " + ind.Target
	}
	return url.Values{"title": {v.Title}, "summary": {v.Summary}, "description": {v.Description},
		"publics": {strings.Join(v.Publics, "\n")}, "communes": v.Communes, "axes": v.Axes,
		"starts_on": {v.StartsOn}, "ends_on": {v.EndsOn}, "indicators": {strings.Join(indicators, "\n")}}
}

func projectOf(f url.Values) domain.Project {
	var indicators []domain.Indicator
	for _, line := range lines(f.Get("indicators")) {
		label, target, _ := strings.Cut(line, ":")
		indicators = append(indicators, domain.Indicator{Label: strings.TrimSpace(label), Target: strings.TrimSpace(target)})
	}
	return domain.Project{Title: f.Get("title"), Summary: f.Get("summary"), Description: f.Get("description"),
		Publics: lines(f.Get("publics")), Communes: f["communes"], Axes: f["axes"],
		StartsOn: f.Get("starts_on"), EndsOn: f.Get("ends_on"), Indicators: indicators}
}

// lines splits a textarea into its non-empty trimmed lines.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func budgetForm(v domain.BudgetPlan) url.Values {
	f := url.Values{}
	for i, l := range v.Expenses {
		n := strconv.Itoa(i)
		f.Set("expense_label_"+n, l.Label)
		f.Set("expense_amount_"+n, euros(l.Amount))
	}
	for i, l := range v.Resources {
		n := strconv.Itoa(i)
		f.Set("resource_label_"+n, l.Label)
		f.Set("resource_amount_"+n, euros(l.Amount))
		f.Set("resource_kind_"+n, string(l.Kind))
		f.Set("resource_funder_"+n, l.Funder)
	}
	return f
}

// budgetOf reads the filled rows; a row with a label or an amount counts.
func budgetOf(f url.Values) (domain.BudgetPlan, error) {
	var p domain.BudgetPlan
	for i := range budgetRows {
		n := strconv.Itoa(i)
		exp, err := budgetLine(f, "expense", n)
		if err != nil {
			return p, err
		}
		res, err := budgetLine(f, "resource", n)
		if err != nil {
			return p, err
		}
		if exp != nil {
			p.Expenses = append(p.Expenses, *exp)
		}
		if res != nil {
			res.Kind, res.Funder = domain.ResourceKind(f.Get("resource_kind_"+n)), strings.TrimSpace(f.Get("resource_funder_"+n))
			p.Resources = append(p.Resources, *res)
		}
	}
	return p, nil
}

func budgetLine(f url.Values, side, n string) (*domain.BudgetLine, error) {
	label, raw := strings.TrimSpace(f.Get(side+"_label_"+n)), f.Get(side+"_amount_"+n)
	if label == "" && strings.TrimSpace(raw) == "" {
		return nil, nil
	}
	amount, ok := parseEuros(raw)
	if !ok {
		return nil, domain.FieldError(side+"_amount_"+n, "error.budget.amount_format")
	}
	return &domain.BudgetLine{Label: label, Amount: amount}, nil
}

// parseEuros reads "1 234,50", "1234.5" or "1 234 €" as cents.
func parseEuros(s string) (domain.Money, bool) {
	s = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", "€", "", ",", ".").Replace(s)
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) > 2 || whole == "" {
		return 0, false
	}
	frac += strings.Repeat("0", 2-len(frac))
	w, err1 := strconv.ParseInt(whole, 10, 64)
	c, err2 := strconv.ParseInt(frac, 10, 64)
	if err1 != nil || err2 != nil || w < 0 || w > 1e9 {
		return 0, false
	}
	return domain.Money(w*100 + c), true
}

// euros writes cents the way parseEuros reads them: "1234,50" or "1234".
func euros(m domain.Money) string {
	s := strconv.FormatInt(int64(m)/100, 10)
	if cents := int64(m) % 100; cents != 0 {
		s += "," + strconv.FormatInt(cents/10, 10) + strconv.FormatInt(cents%10, 10)
	}
	return s
}
