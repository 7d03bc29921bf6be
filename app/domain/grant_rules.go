package domain

import (
	"net/mail"
	"regexp"
	"strings"
	"time"
)

var (
	rnaPattern   = regexp.MustCompile(`^W\d{9}$`)
	siretPattern = regexp.MustCompile(`^\d{14}$`)
)

// Problems lists every reason the file cannot be submitted to call: drafts
// may hold partial data, submission wants all of it.
func (g *GrantApplication) Problems(call *Call) []*Error {
	c := g.Content
	problems := identityProblems(c.Identity, call)
	problems = append(problems, projectProblems(c.Project, call)...)
	if call.Territory == TerritorySeat || !anyIn92(c.Project.Communes) {
		problems = appendIf(problems, !in92(c.Identity.CommuneCode), "identity.commune_code", "error.grant.territory")
	}
	problems = append(problems, c.Budget.Problems(call.MaxAward)...)
	if missing := MissingDocuments(call.RequiredDocuments, c.Identity.Kind, g.Attachments); len(missing) > 0 {
		problems = append(problems, FieldError("attachments", "error.grant.documents_missing"))
	}
	return problems
}

func identityProblems(id Identity, call *Call) []*Error {
	var p []*Error
	p = appendIf(p, strings.TrimSpace(id.Name) == "", "identity.name", "error.grant.name_required")
	p = appendIf(p, !call.Accepts(id.Kind), "identity.kind", "error.grant.legal_form")
	p = appendIf(p, id.Kind == KindAssociation && !rnaPattern.MatchString(id.RNA), "identity.rna", "error.grant.rna")
	p = appendIf(p, id.Kind == KindESUS && !siretPattern.MatchString(id.SIRET), "identity.siret", "error.grant.siret")
	p = appendIf(p, id.Address == "", "identity.address", "error.grant.address_required")
	p = appendIf(p, id.ContactName == "", "identity.contact_name", "error.grant.contact_required")
	_, err := mail.ParseAddress(id.ContactEmail)
	return appendIf(p, err != nil, "identity.contact_email", "error.grant.contact_email")
}

func projectProblems(pr Project, call *Call) []*Error {
	var p []*Error
	p = appendIf(p, strings.TrimSpace(pr.Title) == "", "project.title", "error.grant.title_required")
	p = appendIf(p, strings.TrimSpace(pr.Summary) == "", "project.summary", "error.grant.summary_required")
	p = appendIf(p, strings.TrimSpace(pr.Description) == "", "project.description", "error.grant.description_required")
	p = appendIf(p, len(pr.Publics) == 0, "project.publics", "error.grant.publics_required")
	p = appendIf(p, len(pr.Communes) == 0, "project.communes", "error.grant.communes_required")
	p = appendIf(p, len(pr.Axes) == 0 || !subset(pr.Axes, call.Axes), "project.axes", "error.grant.axes")
	p = appendIf(p, !validPeriod(pr.StartsOn, pr.EndsOn), "project.ends_on", "error.grant.period")
	return appendIf(p, len(pr.Indicators) == 0, "project.indicators", "error.grant.indicators_required")
}

func appendIf(problems []*Error, bad bool, field, key string) []*Error {
	if bad {
		return append(problems, FieldError(field, key))
	}
	return problems
}

func validPeriod(start, end string) bool {
	s, err1 := time.Parse(time.DateOnly, start)
	e, err2 := time.Parse(time.DateOnly, end)
	return err1 == nil && err2 == nil && !e.Before(s)
}

func subset(values, allowed []string) bool {
	for _, v := range values {
		if !contains(allowed, v) {
			return false
		}
	}
	return true
}

func contains(values []string, v string) bool {
	for _, x := range values {
		if x == v {
			return true
		}
	}
	return false
}

// in92 reports whether an INSEE commune code is in the Hauts-de-Seine.
func in92(code string) bool { return len(code) == 5 && strings.HasPrefix(code, "92") }

func anyIn92(codes []string) bool {
	for _, c := range codes {
		if in92(c) {
			return true
		}
	}
	return false
}
