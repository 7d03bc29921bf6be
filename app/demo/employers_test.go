package demo

import (
	"regexp"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/refdata"
)

func employersOf(d *Dataset) []domain.Organisation {
	var found []domain.Organisation
	for _, org := range d.Organisations {
		if org.SIRET != "" {
			found = append(found, org)
		}
	}
	return found
}

func TestLuhn(t *testing.T) {
	cases := map[string]bool{
		"73282932000074": true, // a real SIRET
		"732829320":      true, // its SIREN
		"55210055400013": true,
		"73282932000075": false,
		"73282932000047": false,
		"":               false,
		"7328293200007a": false,
	}
	for digits, want := range cases {
		if got := luhnValid(digits); got != want {
			t.Errorf("luhnValid(%q) = %v, want %v", digits, got, want)
		}
	}
}

var (
	siretPattern = regexp.MustCompile(`^[0-9]{14}$`)
	rnaPattern   = regexp.MustCompile(`^W[0-9]{9}$`)
)

func TestEmployersHaveValidIdentifiersAndEverySize(t *testing.T) {
	forEachDay(t, func(t *testing.T, d *Dataset, today time.Time) {
		sizes, kinds := map[string]int{}, map[domain.OrganisationKind]int{}
		for _, org := range employersOf(d) {
			sizes[org.Size]++
			kinds[org.Kind]++
			if !siretPattern.MatchString(org.SIRET) || !luhnValid(org.SIRET) || !luhnValid(org.SIRET[:9]) {
				t.Errorf("%s: invalid SIRET %s", org.Name, org.SIRET)
			}
			if org.ESS != org.Kind.IsESS() {
				t.Errorf("%s (%s): ESS = %v", org.Name, org.Kind, org.ESS)
			}
			if (org.Kind == domain.KindAssociation) != rnaPattern.MatchString(org.RNA) {
				t.Errorf("%s (%s): RNA %q", org.Name, org.Kind, org.RNA)
			}
			if (org.Kind == domain.KindESUS) != (org.ESUSAgreementDate != nil && org.ESUSAgreementDate.Before(today)) {
				t.Errorf("%s (%s): ESUS agreement %v", org.Name, org.Kind, org.ESUSAgreementDate)
			}
		}
		for _, size := range []string{sizeTPE, sizePME, sizeETI, sizeGE} {
			if sizes[size] == 0 {
				t.Errorf("no employer of size %s", size)
			}
		}
		for _, kind := range []domain.OrganisationKind{domain.KindCompany, domain.KindAssociation, domain.KindESUS} {
			if kinds[kind] == 0 {
				t.Errorf("no employer of kind %s", kind)
			}
		}
	})
}

func TestOrganisationsAreInTheir92Commune(t *testing.T) {
	forEachDay(t, func(t *testing.T, d *Dataset, _ time.Time) {
		kinds := map[domain.OrganisationKind]int{}
		for _, org := range d.Organisations {
			kinds[org.Kind]++
			c, ok := refdata.CommuneByCode(org.CommuneCode)
			if !ok || refdata.DistanceKm(c.Lat, c.Lng, org.Lat, org.Lng) > 3.5 || org.Address == "" {
				t.Errorf("%s: commune %q, at %f,%f, address %q", org.Name, org.CommuneCode, org.Lat, org.Lng, org.Address)
			}
		}
		for _, kind := range []domain.OrganisationKind{domain.KindSchool, domain.KindCIO, domain.KindMissionLocale, domain.KindYouthStructure} {
			if kinds[kind] == 0 {
				t.Errorf("no organisation of kind %s", kind)
			}
		}
	})
}

func TestSchoolsAreRealAndCarryTheirPriority(t *testing.T) {
	forEachDay(t, func(t *testing.T, d *Dataset, _ time.Time) {
		priority := 0
		for _, org := range d.Organisations {
			if org.Kind != domain.KindSchool {
				continue
			}
			school, ok := refdata.SchoolByUAI(org.UAI)
			if !ok || school.Name != org.Name || school.Priority != org.Priority || school.CommuneCode != org.CommuneCode {
				t.Errorf("school %s (%s) does not match the Annuaire: %+v", org.Name, org.UAI, school)
			}
			if org.Priority != "" {
				priority++
			}
		}
		if priority != len(refdata.Colleges()) {
			t.Errorf("%d priority-education schools, want every collège (%d)", priority, len(refdata.Colleges()))
		}
	})
}
