package matching

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"
)

var (
	montrouge = Point{48.8163, 2.3162} // about 3 km from Issy
	issy      = Point{48.8245, 2.2744}
)

func baseYouth() Youth {
	return Youth{ID: "y1", FirstName: "Inès", BirthDate: testNow.AddDate(-17, 0, -3), Home: issy, MobilityKm: 5,
		Interests: []string{"M18"}, WantedTypes: []string{"apprenticeship"}, Level: 3, ESSInterest: true}
}

func baseOffer() Offer {
	return Offer{ID: "o1", Type: "apprenticeship", Open: true, Place: montrouge, AgeMin: 16, AgeMax: 25, Level: 3,
		Interests: []Interest{{"M18", "Systèmes d'information"}, {Key: "numerique"}}, ESS: true,
		Published: testNow.AddDate(0, 0, -2)}
}

func TestConstraints(t *testing.T) {
	day := 24 * time.Hour
	tests := []struct {
		name  string
		edit  func(*Youth, *Offer)
		fails Constraint
	}{
		{"all good", func(*Youth, *Offer) {}, ""},
		{"too young", func(y *Youth, _ *Offer) { y.BirthDate = testNow.AddDate(-15, 0, 0); y.GuardianConsent = true }, ConstraintAge},
		{"too old", func(y *Youth, o *Offer) { o.AgeMax = 16 }, ConstraintAge},
		{"birthday tomorrow", func(y *Youth, o *Offer) { y.BirthDate = testNow.AddDate(-16, 0, 1); y.GuardianConsent = true }, ConstraintAge},
		{"birthday today", func(y *Youth, o *Offer) { y.BirthDate = testNow.AddDate(-16, 0, 0) }, ""},
		{"no age bounds", func(y *Youth, o *Offer) { o.AgeMin, o.AgeMax = 0, 0 }, ""},
		{"14 without consent", func(y *Youth, o *Offer) { y.BirthDate = testNow.AddDate(-14, 0, 0); o.AgeMin = 14 }, ConstraintGuardianConsent},
		{"14 with consent", func(y *Youth, o *Offer) {
			y.BirthDate, y.GuardianConsent, o.AgeMin = testNow.AddDate(-14, 0, 0), true, 14
		}, ""},
		{"15 needs none", func(y *Youth, o *Offer) { y.BirthDate = testNow.AddDate(-15, 0, 0); o.AgeMin = 14 }, ""},
		{"not open", func(_ *Youth, o *Offer) { o.Open = false }, ConstraintOpen},
		{"ended yesterday", func(_ *Youth, o *Offer) { o.End = testNow.Add(-day) }, ConstraintOpen},
		{"ends tomorrow", func(_ *Youth, o *Offer) { o.End = testNow.Add(day) }, ""},
		{"starts after availability", func(y *Youth, o *Offer) {
			y.AvailableFrom, y.AvailableTo = testNow, testNow.Add(10*day)
			o.Start, o.End = testNow.Add(11*day), testNow.Add(20*day)
		}, ConstraintDates},
		{"ends before availability", func(y *Youth, o *Offer) {
			y.AvailableFrom, y.AvailableTo = testNow.Add(30*day), testNow.Add(40*day)
			o.Start, o.End = testNow, testNow.Add(20*day)
		}, ConstraintDates},
		{"overlapping dates", func(y *Youth, o *Offer) {
			y.AvailableFrom, y.AvailableTo = testNow.Add(5*day), testNow.Add(40*day)
			o.Start, o.End = testNow, testNow.Add(6*day)
		}, ""},
		{"open-ended offer", func(y *Youth, o *Offer) {
			y.AvailableFrom, y.AvailableTo = testNow.Add(5*day), testNow.Add(40*day)
			o.Start = testNow
		}, ""},
		{"no availability given", func(_ *Youth, o *Offer) { o.Start, o.End = testNow.Add(99*day), testNow.Add(120*day) }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			y, o := baseYouth(), baseOffer()
			tt.edit(&y, &o)
			_, err := Score(y, o, testNow, DefaultWeights())
			var refusal *Refusal
			switch {
			case tt.fails == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tt.fails != "" && (!errors.As(err, &refusal) || refusal.Constraint != tt.fails):
				t.Fatalf("err = %v, want a %s refusal", err, tt.fails)
			case tt.fails != "" && refusal.Explanation == "":
				t.Fatal("refusal without explanation")
			}
		})
	}
}

func TestComponents(t *testing.T) {
	tests := []struct {
		name      string
		edit      func(*Youth, *Offer)
		criterion Criterion
		value     float64
		says      string
	}{
		{"near", func(*Youth, *Offer) {}, CriterionDistance, 0.7, "distance 3"},
		{"next door", func(_ *Youth, o *Offer) { o.Place = issy }, CriterionDistance, 1, "distance.near"},
		{"beyond radius", func(y *Youth, _ *Offer) { y.MobilityKm = 2 }, CriterionDistance, 0.2, "distance.beyond 3 2"},
		{"default radius", func(y *Youth, _ *Offer) { y.MobilityKm = 0 }, CriterionDistance, 0.7, "distance 3"},
		{"home unknown", func(y *Youth, _ *Offer) { y.Home = Point{} }, CriterionDistance, 0, ""},
		{"sub-domain", func(*Youth, *Offer) {}, CriterionInterest, 1, "subdomain Systèmes d'information"},
		{"tension family", func(y *Youth, _ *Offer) { y.Interests = []string{"numerique"} }, CriterionInterest, 1, "interest.numerique"},
		{"no interest", func(y *Youth, _ *Offer) { y.Interests = []string{"G16"} }, CriterionInterest, 0, ""},
		{"wanted type", func(*Youth, *Offer) {}, CriterionType, 1, "type.apprenticeship"},
		{"other type", func(_ *Youth, o *Offer) { o.Type = "job" }, CriterionType, 0, ""},
		{"level met", func(*Youth, *Offer) {}, CriterionLevel, 1, "level.yours"},
		{"any level", func(_ *Youth, o *Offer) { o.Level = 0 }, CriterionLevel, 1, "level.any"},
		{"one level short", func(_ *Youth, o *Offer) { o.Level = 4 }, CriterionLevel, 0.5, "level.just_above"},
		{"level unknown", func(y *Youth, _ *Offer) { y.Level = 0 }, CriterionLevel, 0.5, "level.unknown"},
		{"two levels short", func(_ *Youth, o *Offer) { o.Level = 5 }, CriterionLevel, 0, "level.above"},
		{"ESS wanted", func(*Youth, *Offer) {}, CriterionESS, 1, "ess"},
		{"ESS not wanted", func(y *Youth, _ *Offer) { y.ESSInterest = false }, CriterionESS, 0, ""},
		{"new", func(*Youth, *Offer) {}, CriterionFreshness, 1, "fresh"},
		{"two weeks old", func(_ *Youth, o *Offer) { o.Published = testNow.AddDate(0, 0, -14) }, CriterionFreshness, 16.0 / 23, "published 14"},
		{"stale", func(_ *Youth, o *Offer) { o.Published = testNow.AddDate(0, 0, -45) }, CriterionFreshness, 0, ""},
		{"never published", func(_ *Youth, o *Offer) { o.Published = time.Time{} }, CriterionFreshness, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			y, o := baseYouth(), baseOffer()
			tt.edit(&y, &o)
			m, err := Score(y, o, testNow, DefaultWeights())
			if err != nil {
				t.Fatal(err)
			}
			c := m.Components[tt.criterion]
			if math.Abs(c.Points-tt.value*c.MaxPoints) > 0.02*c.MaxPoints {
				t.Errorf("%s: %.2f points of %.0f, want value %.2f", tt.criterion, c.Points, c.MaxPoints, tt.value)
			}
			if c.Reason.String() != tt.says {
				t.Errorf("%s: reason %q, want %q", tt.criterion, c.Reason, tt.says)
			}
		})
	}
}

func TestScoreIsTheSumOfItsComponents(t *testing.T) {
	m, err := Score(baseYouth(), baseOffer(), testNow, Weights{Distance: 1, Interest: 1, Type: 1, Level: 1, ESS: 1, Freshness: 1})
	if err != nil {
		t.Fatal(err)
	}
	sum, max := 0.0, 0.0
	for _, c := range m.Components {
		sum += c.Points
		max += c.MaxPoints
	}
	if math.Abs(sum-m.Score) > 1e-9 || math.Abs(max-100) > 1e-9 {
		t.Fatalf("components sum to %.4f of %.4f, score %.4f", sum, max, m.Score)
	}
	if got := fmt.Sprint(m.Reasons()); !strings.HasPrefix(got, "[distance 3 subdomain Systèmes d'information") {
		t.Fatalf("reasons %q", got)
	}
}

func TestWeightsOnlyRatiosMatter(t *testing.T) {
	w := DefaultWeights()
	doubled := Weights{w.Distance * 2, w.Interest * 2, w.Type * 2, w.Level * 2, w.ESS * 2, w.Freshness * 2}
	a, _ := Score(baseYouth(), baseOffer(), testNow, w)
	b, _ := Score(baseYouth(), baseOffer(), testNow, doubled)
	if math.Abs(a.Score-b.Score) > 1e-9 {
		t.Fatalf("%.6f vs %.6f", a.Score, b.Score)
	}
	if _, err := Score(baseYouth(), baseOffer(), testNow, Weights{Type: math.NaN()}); err != ErrWeights {
		t.Fatalf("NaN weight: %v", err)
	}
}
