package web

import (
	"fmt"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/alternance"
	"passerelle/app/domain"
)

// simulatorForm is the simulator's GET form, as typed.
type simulatorForm struct {
	Contract, Age, Year string
	Qualified           bool
}

// simulator shows the apprenticeship and professionalisation pay grids and,
// when the form was sent, one youth's gross and estimated net pay. It reads
// nothing from the database: a plain GET form that works without JavaScript.
func (s *Server) simulator(c *fiber.Ctx) error {
	scales, now := alternance.Current(), s.deps.Now()
	form := simulatorForm{Contract: c.Query("contrat", string(alternance.Apprenticeship)),
		Age: c.Query("age"), Year: c.Query("annee", "1"), Qualified: c.Query("bac") == "oui"}
	data := fiber.Map{"Title": s.localizer(c).T("simulator.title"), "Form": form, "Scales": scales,
		"SMIC": scales.SMICOn(now), "Apprenticeship": scales.ApprenticeshipGrid(now),
		"Professionalisation": scales.ProfessionalisationGrid(now), "AidOpen": scales.AidOpen(now),
		"Contracts": contracts, "Years": years(scales.Apprenticeship.Years), "Aspects": contractAspects}
	if form.Age == "" {
		return s.render(c, "simulator", data)
	}
	in, err := form.input()
	if err == nil {
		data["Pay"], err = scales.Compute(in, now)
	}
	if err != nil {
		return s.formFailed(c, "simulator", data, err)
	}
	return s.render(c, "simulator", data)
}

func (f simulatorForm) input() (alternance.Input, error) {
	age, err := strconv.Atoi(f.Age)
	if err != nil {
		return alternance.Input{}, domain.FieldError("age", "simulator.error.age_number")
	}
	year, err := strconv.Atoi(f.Year)
	if err != nil {
		return alternance.Input{}, domain.FieldError("annee", "simulator.error.year")
	}
	return alternance.Input{Contract: alternance.Contract(f.Contract), Age: age, Year: year, Qualified: f.Qualified}, nil
}

var contracts = []alternance.Contract{alternance.Apprenticeship, alternance.Professionalisation}

// contractAspects are the lines comparing the two contracts; their texts are
// the catalog's simulator.<contract>.<aspect>.
var contractAspects = []string{"aim", "who", "length", "training", "pay"}

func years(n int) []int {
	ys := make([]int, n)
	for i := range ys {
		ys[i] = i + 1
	}
	return ys
}

// AgeBand names an age band: "de 18 à 20 ans", "26 ans et plus" (max 0).
func (l localizer) AgeBand(min, max int) string {
	if max == 0 {
		return l.T("simulator.age_from", min)
	}
	return l.T("offer.ages_range", min, max)
}

// Percent formats a rate in hundredths of a percent: "20,84 %".
func (l localizer) Percent(hundredths int) string {
	whole, rest := strconv.Itoa(hundredths/100), hundredths%100
	sep := ","
	if l.Locale() == "en" {
		sep = "."
	}
	return l.T("simulator.percent", whole+sep+fmt.Sprintf("%02d", rest))
}
