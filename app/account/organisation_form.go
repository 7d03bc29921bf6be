package account

import (
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"passerelle/app/domain"
	"passerelle/app/refdata"
)

// organisationKinds are the kinds a person may create, per role: youths and
// reviewers create none.
var organisationKinds = map[domain.Role][]domain.OrganisationKind{
	domain.RoleCounsellor: {domain.KindSchool, domain.KindCIO, domain.KindMissionLocale, domain.KindYouthStructure},
	domain.RoleEmployer:   {domain.KindCompany, domain.KindAssociation, domain.KindESUS},
	domain.RoleApplicant:  {domain.KindAssociation, domain.KindESUS},
	domain.RoleAdviser:    {domain.KindSupport},
}

// KindsFor lists the kinds of organisation user may create.
func KindsFor(user *domain.User) []domain.OrganisationKind {
	var kinds []domain.OrganisationKind
	for _, k := range []domain.OrganisationKind{domain.KindSchool, domain.KindCIO, domain.KindMissionLocale,
		domain.KindYouthStructure, domain.KindCompany, domain.KindAssociation, domain.KindESUS, domain.KindSupport} {
		for _, r := range user.Roles {
			if containsKind(organisationKinds[r], k) {
				kinds = append(kinds, k)
				break
			}
		}
	}
	return kinds
}

func containsKind(kinds []domain.OrganisationKind, k domain.OrganisationKind) bool {
	for _, known := range kinds {
		if known == k {
			return true
		}
	}
	return false
}

// ParseOrganisation decodes and checks the organisation form for user on
// day now. A school comes from the embedded list of the 92, by its UAI.
func ParseOrganisation(form url.Values, user *domain.User, now time.Time) (domain.Organisation, error) {
	kind := domain.OrganisationKind(form.Get("kind"))
	if !containsKind(KindsFor(user), kind) {
		return domain.Organisation{}, domain.FieldError("kind", "error.organisation.kind")
	}
	if kind == domain.KindSchool {
		return schoolOrganisation(domain.CompactIdentifier(form.Get("uai")))
	}
	o := domain.Organisation{Kind: kind, Name: strings.TrimSpace(form.Get("name")), ESS: kind.IsESS(),
		SIRET: domain.CompactIdentifier(form.Get("siret")), RNA: domain.CompactIdentifier(form.Get("rna")),
		Address: strings.TrimSpace(form.Get("address")), CommuneCode: form.Get("commune")}
	if err := checkNamePlace(o); err != nil {
		return o, err
	}
	return o, checkIdentifiers(&o, form.Get("esus_date"), now)
}

func schoolOrganisation(uai string) (domain.Organisation, error) {
	if !refdata.ValidUAI(uai) {
		return domain.Organisation{}, domain.FieldError("uai", "error.organisation.uai")
	}
	school, ok := refdata.SchoolByUAI(uai)
	if !ok {
		return domain.Organisation{}, domain.FieldError("uai", "error.organisation.uai_unknown")
	}
	return domain.Organisation{Kind: domain.KindSchool, Name: school.Name, UAI: school.UAI,
		CommuneCode: school.CommuneCode, Lat: school.Lat, Lng: school.Lng, Priority: school.Priority}, nil
}

func checkNamePlace(o domain.Organisation) error {
	if o.Name == "" || utf8.RuneCountInString(o.Name) > 150 {
		return domain.FieldError("name", "error.organisation.name")
	}
	if _, ok := refdata.CommuneByCode(o.CommuneCode); o.CommuneCode != "" && !ok {
		return domain.FieldError("commune", "error.organisation.commune")
	}
	return nil
}

// checkIdentifiers applies each kind's rules: a company and an ESUS
// enterprise have a SIRET, an association and a support structure an RNA
// number or a SIRET, and an
// ESUS enterprise an agreement in force.
func checkIdentifiers(o *domain.Organisation, esusDate string, now time.Time) error {
	switch {
	case o.SIRET != "" && !domain.ValidSIRET(o.SIRET):
		return domain.FieldError("siret", "error.organisation.siret")
	case o.RNA != "" && !domain.ValidRNA(o.RNA):
		return domain.FieldError("rna", "error.organisation.rna")
	case (o.Kind == domain.KindCompany || o.Kind == domain.KindESUS) && o.SIRET == "":
		return domain.FieldError("siret", "error.organisation.siret_required")
	case (o.Kind == domain.KindAssociation || o.Kind == domain.KindSupport) && o.SIRET == "" && o.RNA == "":
		return domain.FieldError("rna", "error.organisation.rna_required")
	case o.Kind == domain.KindESUS:
		return checkESUSDate(o, esusDate, now)
	}
	return nil
}

func checkESUSDate(o *domain.Organisation, value string, now time.Time) error {
	on, err := time.Parse(time.DateOnly, value)
	if err != nil || !domain.ValidESUSAgreement(on, now) {
		return domain.FieldError("esus_date", "error.organisation.esus_date")
	}
	o.ESUSAgreementDate = &on
	return nil
}
