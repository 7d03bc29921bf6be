package domain_test

import (
	"testing"
	"time"

	"passerelle/app/domain"
)

func TestEligibility(t *testing.T) {
	consent := now.AddDate(0, -1, 0)
	born := func(age int) time.Time { return now.AddDate(-age, 0, -1) }
	open := domain.Offer{Type: domain.OfferApprenticeship, Status: domain.OfferPublished, AgeMin: 15, AgeMax: 25, EndDate: now.AddDate(0, 6, 0)}
	cases := []struct {
		name  string
		youth domain.Youth
		offer func(o *domain.Offer)
		key   string
	}{
		{"16 to an apprenticeship", domain.Youth{BirthDate: born(16), Level: "2nde"}, nil, ""},
		{"15 with the 3e completed", domain.Youth{BirthDate: born(15), Level: "2nde", GuardianConsentAt: &consent}, nil, ""},
		{"15 still in 3e", domain.Youth{BirthDate: born(15), Level: "3e"}, nil, "error.application.third_not_completed"},
		{"too old", domain.Youth{BirthDate: born(26)}, nil, "error.application.age"},
		{"too young for the offer", domain.Youth{BirthDate: born(17)}, func(o *domain.Offer) { o.AgeMin = 18 }, "error.application.age"},
		{"14 without consent", domain.Youth{BirthDate: born(14), Level: "3e"}, func(o *domain.Offer) { o.Type, o.AgeMin = domain.OfferInternship3e, 14 }, "error.application.consent_missing"},
		{"14 with consent", domain.Youth{BirthDate: born(14), Level: "3e", GuardianConsentAt: &consent}, func(o *domain.Offer) { o.Type, o.AgeMin = domain.OfferInternship3e, 14 }, ""},
		{"closed offer", domain.Youth{BirthDate: born(18)}, func(o *domain.Offer) { o.Status = domain.OfferClosed }, "error.application.offer_closed"},
		{"pending offer", domain.Youth{BirthDate: born(18)}, func(o *domain.Offer) { o.Status = domain.OfferPending }, "error.application.offer_closed"},
		{"ended offer", domain.Youth{BirthDate: born(18)}, func(o *domain.Offer) { o.EndDate = now.AddDate(0, 0, -1) }, "error.application.offer_closed"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := open
			if c.offer != nil {
				c.offer(&o)
			}
			err := domain.Eligible(&c.youth, &o, now)
			if domain.ErrorMessage(err) != c.key && !(c.key == "" && err == nil) {
				t.Errorf("got %v, want %q", err, c.key)
			}
		})
	}
}
