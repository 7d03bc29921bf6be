package alternance

import (
	"errors"
	"testing"
	"time"

	"passerelle/app/domain"
)

func scales(t *testing.T) *Scales {
	t.Helper()
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func day(s string) time.Time {
	t, err := time.ParseInLocation(time.DateOnly, s, domain.Paris)
	if err != nil {
		panic(err)
	}
	return t
}

// The gross pay grids that service-public.fr and the Ministry of Labour
// published for the minimum wage of 1 November 2024 (1 801,80 € a month).
func TestGrossPayMatchesThePublishedGridsOfNovember2024(t *testing.T) {
	s := scales(t)
	on := day("2025-06-15")
	cases := []struct {
		in   Input
		want domain.Money
	}{
		{Input{Contract: Apprenticeship, Age: 16, Year: 1}, 48649},
		{Input{Contract: Apprenticeship, Age: 17, Year: 2}, 70270},
		{Input{Contract: Apprenticeship, Age: 17, Year: 3}, 99099},
		{Input{Contract: Apprenticeship, Age: 18, Year: 1}, 77477},
		{Input{Contract: Apprenticeship, Age: 20, Year: 2}, 91892},
		{Input{Contract: Apprenticeship, Age: 19, Year: 3}, 120721},
		{Input{Contract: Apprenticeship, Age: 21, Year: 1}, 95495},
		{Input{Contract: Apprenticeship, Age: 25, Year: 2}, 109910},
		{Input{Contract: Apprenticeship, Age: 23, Year: 3}, 140540},
		{Input{Contract: Apprenticeship, Age: 27, Year: 1}, 180180},
		{Input{Contract: Professionalisation, Age: 19}, 99099},
		{Input{Contract: Professionalisation, Age: 19, Qualified: true}, 117117},
		{Input{Contract: Professionalisation, Age: 22}, 126126},
		{Input{Contract: Professionalisation, Age: 22, Qualified: true}, 144144},
		{Input{Contract: Professionalisation, Age: 26}, 180180},
	}
	for _, c := range cases {
		p, err := s.Compute(c.in, on)
		if err != nil {
			t.Fatalf("%+v: %v", c.in, err)
		}
		if p.Gross != c.want || p.SMIC.Monthly != 180180 {
			t.Errorf("%+v: gross %d on a minimum wage of %d, want %d", c.in, p.Gross, p.SMIC.Monthly, c.want)
		}
	}
}

// The minimum wage in force is the last one whose effective date has come.
func TestTheMinimumWageInForceFollowsItsEffectiveDate(t *testing.T) {
	s := scales(t)
	if got := s.SMICOn(day("2025-12-31")).Monthly; got != 180180 {
		t.Errorf("31 December 2025: %d", got)
	}
	if got := s.SMICOn(day("2026-01-01")).Monthly; got != 182303 {
		t.Errorf("1 January 2026: %d", got)
	}
	p, _ := s.Compute(Input{Contract: Apprenticeship, Age: 16, Year: 1}, day("2026-03-01"))
	if p.Gross != 49222 { // 27 % of 1 823,03 €
		t.Errorf("2026 gross %d", p.Gross)
	}
}

// An apprentice pays nothing up to half the minimum wage, the usual
// contributions on the rest; a professionalisation contract pays them on all.
func TestNetPayFollowsTheApprenticeExemption(t *testing.T) {
	s := scales(t)
	on := day("2025-06-15")
	below, _ := s.Compute(Input{Contract: Apprenticeship, Age: 18, Year: 1}, on)
	if below.Net != below.Gross || below.Contributions != 0 {
		t.Errorf("43 %% of the minimum wage is under the exemption: %+v", below)
	}
	above, _ := s.Compute(Input{Contract: Apprenticeship, Age: 21, Year: 1}, on)
	// 954,95 € − 900,90 € exempt = 54,05 € liable: 11,31 % = 6,11 € and
	// 9,7 % CSG-CRDS on 98,25 % of it (53,10 €) = 5,15 €.
	if above.Exempt != 90090 || above.Contributions != 611+515 || above.Net != 95495-1126 {
		t.Errorf("21 years, first year: %+v", above)
	}
	pro, _ := s.Compute(Input{Contract: Professionalisation, Age: 19}, on)
	// 990,99 €: 11,31 % = 112,08 €, CSG-CRDS on 973,65 € = 94,44 €.
	if pro.Exempt != 0 || pro.Contributions != 11208+9444 || pro.Net != 99099-20652 {
		t.Errorf("professionalisation: %+v", pro)
	}
	if s.Contributions.EmployeeRate() != 2084 {
		t.Errorf("employee rate %d", s.Contributions.EmployeeRate())
	}
}

func TestBadInputNamesItsField(t *testing.T) {
	s := scales(t)
	for _, c := range []struct {
		in    Input
		field string
	}{
		{Input{Contract: "cdi", Age: 18, Year: 1}, "contrat"},
		{Input{Contract: Apprenticeship, Age: 14, Year: 1}, "age"},
		{Input{Contract: Apprenticeship, Age: 31, Year: 1}, "age"},
		{Input{Contract: Apprenticeship, Age: 18, Year: 4}, "annee"},
		{Input{Contract: Apprenticeship, Age: 18, Year: 0}, "annee"},
		{Input{Contract: Professionalisation, Age: 15}, "age"},
	} {
		_, err := s.Compute(c.in, day("2026-01-01"))
		var de *domain.Error
		if !errors.As(err, &de) || de.Field != c.field || de.Code != domain.EINVALID {
			t.Errorf("%+v: %v, want an error on %s", c.in, err, c.field)
		}
	}
}

func TestGridsCoverEveryAgeOnce(t *testing.T) {
	s := scales(t)
	rows := s.ApprenticeshipGrid(day("2025-06-15"))
	if len(rows) != 4 || rows[0].MinAge != 15 || rows[0].MaxAge != 17 || rows[3].MinAge != 26 || rows[3].MaxAge != 0 {
		t.Fatalf("apprenticeship rows %+v", rows)
	}
	if rows[1].Gross[2] != 120721 {
		t.Errorf("18–20, third year: %d", rows[1].Gross[2])
	}
	pro := s.ProfessionalisationGrid(day("2025-06-15"))
	if len(pro) != 3 || pro[0].MinAge != 16 || pro[1].Gross[1] != 144144 {
		t.Errorf("professionalisation rows %+v", pro)
	}
}

func TestAidOpensAndClosesWithItsDecree(t *testing.T) {
	s := scales(t)
	for d, want := range map[string]bool{"2025-02-23": false, "2025-02-24": true, "2025-12-31": true, "2026-01-01": false} {
		if s.AidOpen(day(d)) != want {
			t.Errorf("aid on %s: want %v", d, want)
		}
	}
}

func TestAMistakeInTheDataFileIsRefused(t *testing.T) {
	for _, bad := range []string{
		`{`,
		`{"smic": []}`,
		`{"smic": [{"effective": "2026-13-01", "hourly_cents": 1, "monthly_cents": 1, "reference": "x"}]}`,
		`{"smic": [{"effective": "2026-01-01", "hourly_cents": 1, "monthly_cents": 1, "reference": "x"}],
		  "apprenticeship": {"max_age": 30, "years": 3, "bands": [{"max_age": 30, "percent": [1, 2]}]}}`,
	} {
		if _, err := parse([]byte(bad)); err == nil {
			t.Errorf("accepted %s", bad)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(baremesJSON)
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := parse(data)
		if err != nil {
			return
		}
		for _, c := range []Contract{Apprenticeship, Professionalisation} {
			for age := 0; age < 40; age++ {
				s.Compute(Input{Contract: c, Age: age, Year: 1}, day("2026-01-01"))
			}
		}
	})
}
