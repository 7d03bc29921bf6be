package alternance

import (
	"time"

	"passerelle/app/domain"
)

// Contract is the kind of work-study contract.
type Contract string

const (
	Apprenticeship      Contract = "apprentissage"
	Professionalisation Contract = "professionnalisation"
)

// Input is what the simulator asks.
type Input struct {
	Contract Contract
	Age      int
	// Year of the contract, from 1 (apprenticeship only).
	Year int
	// Qualified: the youth holds a vocational baccalauréat or a vocational
	// title of the same level (professionalisation only).
	Qualified bool
}

// Pay is the monthly pay of a contract, gross and estimated net, on a day.
type Pay struct {
	SMIC    SMIC
	Percent int
	Gross   domain.Money
	// Exempt is the part of the gross pay on which the youth pays no
	// contribution (apprentices only).
	Exempt        domain.Money
	Contributions domain.Money
	Net           domain.Money
}

// Validate checks an input against the scales, with translation keys.
func (s *Scales) Validate(in Input) error {
	switch in.Contract {
	case Apprenticeship:
		if in.Age < s.Apprenticeship.MinAge || in.Age > s.Apprenticeship.MaxAge {
			return domain.FieldError("age", "simulator.error.age_apprenticeship")
		}
		if in.Year < 1 || in.Year > s.Apprenticeship.Years {
			return domain.FieldError("annee", "simulator.error.year")
		}
	case Professionalisation:
		if in.Age < s.Professionalisation.MinAge || in.Age > s.Professionalisation.MaxAge {
			return domain.FieldError("age", "simulator.error.age_professionalisation")
		}
	default:
		return domain.FieldError("contrat", "simulator.error.contract")
	}
	return nil
}

// Compute returns the monthly pay of a valid input for a contract signed
// and paid on day t.
func (s *Scales) Compute(in Input, t time.Time) (Pay, error) {
	if err := s.Validate(in); err != nil {
		return Pay{}, err
	}
	p := Pay{SMIC: s.SMICOn(t), Percent: s.Percent(in)}
	p.Gross = percentOf(p.SMIC.Monthly, p.Percent)
	if in.Contract == Apprenticeship {
		p.Exempt = min(p.Gross, percentOf(p.SMIC.Monthly, s.Contributions.ApprenticeExemptShare))
	}
	p.Contributions = s.Contributions.on(p.Gross - p.Exempt)
	p.Net = p.Gross - p.Contributions
	return p, nil
}

// Percent is the share of the minimum wage that the law sets for an input.
func (s *Scales) Percent(in Input) int {
	if in.Contract == Apprenticeship {
		for _, b := range s.Apprenticeship.Bands {
			if in.Age <= b.MaxAge {
				return b.Percent[in.Year-1]
			}
		}
	}
	for _, b := range s.Professionalisation.Bands {
		if in.Age <= b.MaxAge {
			if in.Qualified {
				return b.QualifiedPercent
			}
			return b.Percent
		}
	}
	return 100
}

// on returns the employee's contributions on a liable gross amount: the
// contribution rates on all of it, CSG and CRDS on their base share of it.
func (c Contributions) on(liable domain.Money) domain.Money {
	return basisPoints(liable, c.contributionRate()) + basisPoints(basisPoints(liable, c.CSGCRDSBase), c.CSGCRDSRate)
}

func (c Contributions) contributionRate() int {
	rate := 0
	for _, r := range c.EmployeeRates {
		rate += r.Rate
	}
	return rate
}

// EmployeeRate is the sum of the employee's contribution rates, CSG and
// CRDS included on their base, in hundredths of a percent (rounded).
func (c Contributions) EmployeeRate() int {
	return c.contributionRate() + (c.CSGCRDSRate*c.CSGCRDSBase+5000)/10000
}

func percentOf(m domain.Money, percent int) domain.Money { return basisPoints(m, percent*100) }

// basisPoints is m × bp / 10 000, rounded to the nearest cent.
func basisPoints(m domain.Money, bp int) domain.Money {
	return (m*domain.Money(bp) + 5000) / 10000
}
