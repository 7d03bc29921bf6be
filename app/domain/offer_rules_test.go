package domain_test

import (
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
)

var now = time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)

var knownPlaces = domain.OfferPlaces{
	JobExists:     func(code string) bool { return code == "D1102" },
	CommuneExists: func(code string) bool { return code == "92050" },
}

func validOffer() domain.Offer {
	return domain.Offer{Type: domain.OfferApprenticeship, Title: "Apprenti boulanger", Description: strings.Repeat("Fournil de quartier. ", 2),
		ROMECodes: []string{"D1102"}, CommuneCode: "92050", AgeMin: 16, AgeMax: 25,
		StartDate: now.AddDate(0, 1, 0), EndDate: now.AddDate(1, 1, 0), Places: 2}
}

func TestValidateOffer(t *testing.T) {
	cases := []struct {
		name, field, key string
		change           func(o *domain.Offer)
	}{
		{"valid", "", "", func(o *domain.Offer) {}},
		{"unknown type", "type", "error.offer.type_invalid", func(o *domain.Offer) { o.Type = "party" }},
		{"short title", "title", "error.offer.title_length", func(o *domain.Offer) { o.Title = "Job" }},
		{"short description", "description", "error.offer.description_length", func(o *domain.Offer) { o.Description = "Court" }},
		{"no job", "rome_codes", "error.offer.rome_count", func(o *domain.Offer) { o.ROMECodes = nil }},
		{"unknown job", "rome_codes", "error.offer.rome_unknown", func(o *domain.Offer) { o.ROMECodes = []string{"Z9999"} }},
		{"no place", "commune_code", "error.offer.place_missing", func(o *domain.Offer) { o.CommuneCode = "" }},
		{"outside the 92 with an address", "", "", func(o *domain.Offer) { o.CommuneCode, o.Address = "", "12 rue de Rivoli, Paris" }},
		{"commune outside the 92", "commune_code", "error.offer.commune_unknown", func(o *domain.Offer) { o.CommuneCode = "75056" }},
		{"apprenticeship at 14", "age_min", "error.offer.age_min_range", func(o *domain.Offer) { o.AgeMin = 14 }},
		{"apprenticeship from 15", "", "", func(o *domain.Offer) { o.AgeMin = 15 }},
		{"max over 25", "age_max", "error.offer.age_max_range", func(o *domain.Offer) { o.AgeMax = 26 }},
		{"max below min", "age_max", "error.offer.age_max_range", func(o *domain.Offer) { o.AgeMin, o.AgeMax = 18, 17 }},
		{"3e internship at 18", "age_min", "error.offer.age_min_range", func(o *domain.Offer) { o.Type, o.AgeMin, o.AgeMax = domain.OfferInternship3e, 18, 18 }},
		{"no start", "start_date", "error.offer.start_missing", func(o *domain.Offer) { o.StartDate = time.Time{} }},
		{"end before start", "end_date", "error.offer.end_before_start", func(o *domain.Offer) { o.EndDate = o.StartDate.AddDate(0, 0, -1) }},
		{"ended", "end_date", "error.offer.end_past", func(o *domain.Offer) { o.StartDate, o.EndDate = now.AddDate(0, -2, 0), now.AddDate(0, -1, 0) }},
		{"no places", "places", "error.offer.places_range", func(o *domain.Offer) { o.Places = 0 }},
		{"a visit counts its sessions", "", "", func(o *domain.Offer) { o.Type, o.Places, o.AgeMin = domain.OfferVisit, 0, 14 }},
		{"too many places", "places", "error.offer.places_range", func(o *domain.Offer) { o.Places = 501 }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := validOffer()
			c.change(&o)
			checkFieldError(t, domain.ValidateOffer(&o, knownPlaces, now), c.field, c.key)
		})
	}
}

func checkFieldError(t *testing.T, err error, field, key string) {
	t.Helper()
	if key == "" {
		if err != nil {
			t.Fatalf("refused: %v", err)
		}
		return
	}
	e, ok := err.(*domain.Error)
	if !ok || e.Field != field || e.Message != key || e.Code != domain.EINVALID {
		t.Fatalf("got %v, want %s on %s", err, key, field)
	}
}

func TestDefaultAgesStayWithinTheirBounds(t *testing.T) {
	for _, typ := range domain.OfferTypes {
		r, ok := domain.AgeRuleFor(typ)
		if !ok || r.Floor < domain.MinYouthAge || r.Ceiling > domain.MaxYouthAge ||
			r.DefaultMin < r.Floor || r.DefaultMax > r.Ceiling || r.DefaultMin > r.DefaultMax {
			t.Errorf("%s: %+v", typ, r)
		}
	}
	if r, _ := domain.AgeRuleFor(domain.OfferInternship3e); r.DefaultMin != 14 || r.DefaultMax != 15 {
		t.Errorf("3e internship defaults to %d–%d, want 14–15", r.DefaultMin, r.DefaultMax)
	}
}
