package alternance

import (
	"time"

	"passerelle/app/domain"
)

// Row is one age band of a pay grid: its ages and the gross monthly pay of
// each column (contract years, or without and with a vocational bac).
type Row struct {
	MinAge, MaxAge int // MaxAge 0: no upper bound
	Percent        []int
	Gross          []domain.Money
}

// ApprenticeshipGrid is the gross monthly pay of an apprentice by age band
// and contract year on day t.
func (s *Scales) ApprenticeshipGrid(t time.Time) []Row {
	smic, from := s.SMICOn(t).Monthly, s.Apprenticeship.MinAge
	rows := make([]Row, len(s.Apprenticeship.Bands))
	for i, b := range s.Apprenticeship.Bands {
		rows[i] = newRow(smic, from, b.MaxAge, s.Apprenticeship.MaxAge, b.Percent...)
		from = b.MaxAge + 1
	}
	return rows
}

// ProfessionalisationGrid is the gross monthly pay of a professionalisation
// contract by age band, without then with a vocational bac, on day t.
func (s *Scales) ProfessionalisationGrid(t time.Time) []Row {
	smic, from := s.SMICOn(t).Monthly, s.Professionalisation.MinAge
	rows := make([]Row, len(s.Professionalisation.Bands))
	for i, b := range s.Professionalisation.Bands {
		rows[i] = newRow(smic, from, b.MaxAge, s.Professionalisation.MaxAge, b.Percent, b.QualifiedPercent)
		from = b.MaxAge + 1
	}
	return rows
}

func newRow(smic domain.Money, from, to, maxAge int, percents ...int) Row {
	r := Row{MinAge: from, MaxAge: to, Percent: percents}
	if to >= maxAge {
		r.MaxAge = 0
	}
	for _, p := range percents {
		r.Gross = append(r.Gross, percentOf(smic, p))
	}
	return r
}

// AidOpen tells whether a contract signed on day t gets the employer's aid
// of the data file (false once its last date has passed: the page then says
// that the platform does not know whether it was renewed).
func (s *Scales) AidOpen(t time.Time) bool {
	a := s.EmployerAid
	return !t.Before(a.ContractsFrom.Time) && t.Before(a.ContractsUntil.AddDate(0, 0, 1))
}
