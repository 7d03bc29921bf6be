// Package alternance computes what an apprentice or a professionalisation
// contract is paid, from the legal percentages of the minimum wage kept in
// one dated data file (baremes.json) with their legal references.
package alternance

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"time"

	"passerelle/app/domain"
)

//go:embed baremes.json
var baremesJSON []byte

// Scales are the rules of the data file: the minimum wage over time, the
// percentages of each contract, the contributions and the employer's aid.
type Scales struct {
	CheckedOn           Day                 `json:"checked_on"`
	SMIC                []SMIC              `json:"smic"`
	MonthlyHours        string              `json:"monthly_hours"`
	Apprenticeship      ApprenticeshipScale `json:"apprenticeship"`
	Professionalisation ProScale            `json:"professionalisation"`
	Contributions       Contributions       `json:"contributions"`
	EmployerAid         EmployerAid         `json:"employer_aid"`
}

// SMIC is one value of the gross minimum wage, from its effective date.
type SMIC struct {
	Effective Day          `json:"effective"`
	Hourly    domain.Money `json:"hourly_cents"`
	Monthly   domain.Money `json:"monthly_cents"`
	Reference string       `json:"reference"`
	// Certain is false when the value was entered without its official text
	// at hand: the page says so until someone checks it.
	Certain bool `json:"certain"`
}

// ApprenticeshipScale is the percentage of the minimum wage by age band and
// year of the contract (Code du travail, D6222-26).
type ApprenticeshipScale struct {
	Reference string `json:"reference"`
	MinAge    int    `json:"min_age"`
	MaxAge    int    `json:"max_age"`
	Years     int    `json:"years"`
	Bands     []struct {
		MaxAge  int   `json:"max_age"`
		Percent []int `json:"percent"`
	} `json:"bands"`
}

// ProScale is the percentage of the minimum wage of a professionalisation
// contract by age band, higher for holders of a vocational baccalauréat
// (Code du travail, D6325-15 and -16).
type ProScale struct {
	Reference string `json:"reference"`
	MinAge    int    `json:"min_age"`
	MaxAge    int    `json:"max_age"`
	Bands     []struct {
		MaxAge           int `json:"max_age"`
		Percent          int `json:"percent"`
		QualifiedPercent int `json:"qualified_percent"`
	} `json:"bands"`
}

// Contributions are the employee's social contributions used to estimate
// the net pay; rates in hundredths of a percent.
type Contributions struct {
	Reference             string `json:"reference"`
	ApprenticeRuleFrom    Day    `json:"apprentice_rule_from"`
	ApprenticeExemptShare int    `json:"apprentice_exempt_percent_of_smic"`
	EmployeeRates         []Rate `json:"employee_rates"`
	CSGCRDSRate           int    `json:"csg_crds_rate"`
	CSGCRDSBase           int    `json:"csg_crds_base"`
}

// Rate is one named contribution rate, in hundredths of a percent.
type Rate struct {
	Name string `json:"name"`
	Rate int    `json:"rate"`
}

// EmployerAid is the aid paid to employers for the first year of a
// contract signed within its dates.
type EmployerAid struct {
	Reference          string       `json:"reference"`
	ContractsFrom      Day          `json:"contracts_from"`
	ContractsUntil     Day          `json:"contracts_until"`
	SmallCompany       domain.Money `json:"small_company_cents"`
	LargeCompany       domain.Money `json:"large_company_cents"`
	Disabled           domain.Money `json:"disabled_cents"`
	LargeCompanyFrom   int          `json:"large_company_from"`
	MaxAgeProfessional int          `json:"max_age_professionalisation"`
}

// Day is a calendar date of the data file, "2006-01-02", at midnight in Paris.
type Day struct{ time.Time }

func (d *Day) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	t, err := time.ParseInLocation(time.DateOnly, s, domain.Paris)
	if err != nil {
		return err
	}
	d.Time = t
	return nil
}

// Load reads the embedded data file.
func Load() (*Scales, error) { return parse(baremesJSON) }

// Current returns the scales of the embedded data file, read once; a
// mistake in the file (which the tests catch first) stops the program.
var Current = sync.OnceValue(func() *Scales {
	s, err := Load()
	if err != nil {
		panic(err)
	}
	return s
})

func parse(data []byte) (*Scales, error) {
	var s Scales
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("baremes.json: %w", err)
	}
	if err := s.check(); err != nil {
		return nil, fmt.Errorf("baremes.json: %w", err)
	}
	slices.SortFunc(s.SMIC, func(a, b SMIC) int { return a.Effective.Compare(b.Effective.Time) })
	return &s, nil
}

func (s *Scales) check() error {
	if len(s.SMIC) == 0 {
		return fmt.Errorf("no minimum wage")
	}
	for _, m := range s.SMIC {
		if m.Hourly <= 0 || m.Monthly <= 0 || m.Effective.IsZero() || m.Reference == "" {
			return fmt.Errorf("minimum wage of %s incomplete", m.Effective.Format(time.DateOnly))
		}
	}
	a := s.Apprenticeship
	if len(a.Bands) == 0 || a.Bands[len(a.Bands)-1].MaxAge < a.MaxAge {
		return fmt.Errorf("apprenticeship bands do not reach age %d", a.MaxAge)
	}
	for _, b := range a.Bands {
		if len(b.Percent) != a.Years {
			return fmt.Errorf("apprenticeship band up to %d has %d years, want %d", b.MaxAge, len(b.Percent), a.Years)
		}
	}
	if p := s.Professionalisation; len(p.Bands) == 0 || p.Bands[len(p.Bands)-1].MaxAge < p.MaxAge {
		return fmt.Errorf("professionalisation bands do not reach age %d", p.MaxAge)
	}
	return nil
}

// SMICOn returns the minimum wage in force on day t (the first known one
// before any known value).
func (s *Scales) SMICOn(t time.Time) SMIC {
	current := s.SMIC[0]
	for _, m := range s.SMIC {
		if !m.Effective.After(t) {
			current = m
		}
	}
	return current
}
