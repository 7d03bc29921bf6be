package web

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
)

// criteriaRows is how many criteria the call form offers.
const criteriaRows = 8

func (s *Server) staffCalls(c *fiber.Ctx) error {
	calls, err := s.deps.Progress.Calls(c.UserContext(), currentUser(c))
	if err != nil {
		return err
	}
	return s.render(c, "staff_progress", fiber.Map{"Title": s.localizer(c).T("progress.staff.title"), "Calls": calls, "Now": s.deps.Now()})
}

func (s *Server) newCallPage(c *fiber.Ctx) error {
	return s.renderCallForm(c, "", callForm(&domain.Call{Axes: make([]string, 4)}), fiber.Map{})
}

func (s *Server) editCallPage(c *fiber.Ctx) error {
	call, err := s.deps.Progress.Call(c.UserContext(), c.Params("id"))
	if err != nil {
		return err
	}
	return s.renderCallForm(c, call.ID, callForm(call), fiber.Map{"Saved": c.Query("enregistre") != ""})
}

func (s *Server) renderCallForm(c *fiber.Ctx, id string, form url.Values, data fiber.Map) error {
	data["Title"], data["ID"], data["Form"] = s.localizer(c).T("progress.call_form.title"), id, form
	data["Rows"], data["AxisRows"] = make([]struct{}, criteriaRows), make([]struct{}, 4)
	data["Kinds"] = []domain.OrganisationKind{domain.KindAssociation, domain.KindESUS}
	data["Territories"] = []domain.TerritoryRule{domain.TerritorySeat, domain.TerritorySeatOrAction}
	data["DocumentKinds"], data["Editable"] = domain.DocumentKinds, true
	return s.render(c, "staff_call_form", data)
}

// saveCall creates or edits a call; refused input is shown again as typed.
func (s *Server) saveCall(c *fiber.Ctx) error {
	form := formValues(c)
	call, err := callOf(form)
	if err == nil {
		call.ID = c.Params("id")
		if old, lookupErr := s.keptCallFields(c, call.ID); lookupErr != nil {
			return lookupErr
		} else if old != nil {
			call.CreatedAt, call.LaureatesPublished = old.CreatedAt, old.LaureatesPublished
		}
		var saved *domain.Call
		if saved, err = s.deps.Progress.SaveCall(c.UserContext(), currentUser(c), call); err == nil {
			return c.Redirect("/agents/progress/appels/"+saved.ID+"?enregistre=1", fiber.StatusSeeOther)
		}
	}
	data := fiber.Map{}
	if !failed(c, data, err) {
		return err
	}
	return s.renderCallForm(c, c.Params("id"), form, data)
}

// keptCallFields returns the call being edited, whose creation date and
// publication the form does not carry; nil for a new call.
func (s *Server) keptCallFields(c *fiber.Ctx, id string) (*domain.Call, error) {
	if id == "" {
		return nil, nil
	}
	return s.deps.Progress.Call(c.UserContext(), id)
}

func callForm(call *domain.Call) url.Values {
	f := url.Values{"title": {call.Title}, "theme": {call.Theme}, "rules": {call.Rules},
		"budget": {euros(call.Budget)}, "max_award": {euros(call.MaxAward)},
		"opens_at": {parisLocal(call.OpensAt)}, "closes_at": {parisLocal(call.ClosesAt)},
		"territory": {string(call.Territory)}, "axes": call.Axes,
		"min_reviewers": {strconv.Itoa(call.MinReviewers)}, "disagreement_spread": {strconv.FormatFloat(call.DisagreementSpread, 'f', -1, 64)}}
	for _, k := range call.LegalForms {
		f.Add("legal_forms", string(k))
	}
	for _, d := range call.RequiredDocuments {
		f.Add("required_documents", string(d))
	}
	for i, cr := range call.Criteria {
		n := strconv.Itoa(i)
		f.Set("criterion_key_"+n, cr.Key)
		f.Set("criterion_label_"+n, cr.Label)
		f.Set("criterion_weight_"+n, strconv.Itoa(cr.Weight))
	}
	return f
}

func parisLocal(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(domain.Paris).Format("2006-01-02T15:04")
}

// callOf reads the call form; each unreadable value names its field.
func callOf(f url.Values) (domain.Call, error) {
	call := domain.Call{Title: strings.TrimSpace(f.Get("title")), Theme: f.Get("theme"), Rules: f.Get("rules"),
		Territory: domain.TerritoryRule(f.Get("territory")), Axes: trimmed(f["axes"])}
	var err error
	for _, read := range []func() error{
		func() (err error) { call.Budget, err = moneyField(f, "budget"); return },
		func() (err error) { call.MaxAward, err = moneyField(f, "max_award"); return },
		func() (err error) { call.OpensAt, err = domain.ParisInstant("opens_at", f.Get("opens_at")); return },
		func() (err error) { call.ClosesAt, err = domain.ParisInstant("closes_at", f.Get("closes_at")); return },
		func() (err error) { call.Criteria, err = criteriaOf(f); return },
		func() (err error) { call.MinReviewers, err = intField(f, "min_reviewers"); return },
	} {
		if err = read(); err != nil {
			return call, err
		}
	}
	call.DisagreementSpread, _ = strconv.ParseFloat(strings.Replace(f.Get("disagreement_spread"), ",", ".", 1), 64)
	for _, k := range f["legal_forms"] {
		call.LegalForms = append(call.LegalForms, domain.OrganisationKind(k))
	}
	for _, d := range f["required_documents"] {
		call.RequiredDocuments = append(call.RequiredDocuments, domain.DocumentKind(d))
	}
	return call, nil
}

func moneyField(f url.Values, name string) (domain.Money, error) {
	m, ok := parseEuros(f.Get(name))
	if !ok {
		return 0, domain.FieldError(name, "error.call.amount_format")
	}
	return m, nil
}

func intField(f url.Values, name string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(f.Get(name)))
	if err != nil {
		return 0, domain.FieldError(name, "error.call.number_format")
	}
	return n, nil
}

// criteriaOf reads the filled criterion rows.
func criteriaOf(f url.Values) ([]domain.Criterion, error) {
	var criteria []domain.Criterion
	for i := range criteriaRows {
		n := strconv.Itoa(i)
		key, label := strings.TrimSpace(f.Get("criterion_key_"+n)), strings.TrimSpace(f.Get("criterion_label_"+n))
		if key == "" && label == "" {
			continue
		}
		weight, err := intField(f, "criterion_weight_"+n)
		if err != nil {
			return nil, domain.FieldError("criteria", "error.call.criteria")
		}
		criteria = append(criteria, domain.Criterion{Key: key, Label: label, Weight: weight})
	}
	return criteria, nil
}

func trimmed(values []string) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = strings.TrimSpace(v)
	}
	return out
}
