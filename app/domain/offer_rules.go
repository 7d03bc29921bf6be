package domain

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Offer field bounds.
const (
	OfferTitleMin       = 5
	OfferTitleMax       = 120
	OfferDescriptionMin = 20
	OfferDescriptionMax = 5000
	OfferROMEMax        = 3
	OfferPlacesMax      = 500
)

// OfferPlaces tells the rules what the reference data knows: whether a ROME
// code and a commune of the 92 exist. The domain has no dependency, so the
// service passes the lookups in.
type OfferPlaces struct {
	JobExists     func(code string) bool
	CommuneExists func(code string) bool
}

// ValidateOffer checks an offer an employer submits, on day now, and returns
// the first problem as a field error.
func ValidateOffer(o *Offer, ref OfferPlaces, now time.Time) error {
	for _, check := range []func() error{
		func() error { return validateText(o) },
		func() error { return validateJobs(o, ref) },
		func() error { return validatePlace(o, ref) },
		func() error { return validateAges(o) },
		func() error { return validateWeeks(o, now) },
		func() error { return validateDates(o, now) },
		func() error { return validatePlaces(o) },
	} {
		if err := check(); err != nil {
			return err
		}
	}
	return nil
}

func validateText(o *Offer) error {
	switch n := utf8.RuneCountInString(strings.TrimSpace(o.Title)); {
	case !o.Type.Valid():
		return FieldError("type", "error.offer.type_invalid")
	case n < OfferTitleMin || n > OfferTitleMax:
		return FieldError("title", "error.offer.title_length")
	}
	if n := utf8.RuneCountInString(strings.TrimSpace(o.Description)); n < OfferDescriptionMin || n > OfferDescriptionMax {
		return FieldError("description", "error.offer.description_length")
	}
	return nil
}

func validateJobs(o *Offer, ref OfferPlaces) error {
	if len(o.ROMECodes) == 0 || len(o.ROMECodes) > OfferROMEMax {
		return FieldError("rome_codes", "error.offer.rome_count")
	}
	for _, code := range o.ROMECodes {
		if !ref.JobExists(code) {
			return FieldError("rome_codes", "error.offer.rome_unknown")
		}
	}
	return nil
}

func validatePlace(o *Offer, ref OfferPlaces) error {
	switch {
	case o.CommuneCode == "" && strings.TrimSpace(o.Address) == "":
		return FieldError("commune_code", "error.offer.place_missing")
	case o.CommuneCode != "" && !ref.CommuneExists(o.CommuneCode):
		return FieldError("commune_code", "error.offer.commune_unknown")
	}
	return nil
}

func validateAges(o *Offer) error {
	rule, _ := AgeRuleFor(o.Type)
	switch {
	case o.AgeMin < rule.Floor || o.AgeMin > rule.Ceiling:
		return FieldError("age_min", "error.offer.age_min_range")
	case o.AgeMax < o.AgeMin || o.AgeMax > rule.Ceiling:
		return FieldError("age_max", "error.offer.age_max_range")
	}
	return nil
}

func validateDates(o *Offer, now time.Time) error {
	switch {
	case o.StartDate.IsZero():
		return FieldError("start_date", "error.offer.start_missing")
	case o.EndDate.IsZero() || o.EndDate.Before(o.StartDate):
		return FieldError("end_date", "error.offer.end_before_start")
	case o.EndDate.Before(now):
		return FieldError("end_date", "error.offer.end_past")
	case !WithinDateWindow(o.StartDate, now):
		return FieldError("start_date", "error.date.out_of_window")
	case !WithinDateWindow(o.EndDate, now):
		return FieldError("end_date", "error.date.out_of_window")
	}
	return nil
}

// validatePlaces requires places except on a visit, whose places are the
// capacities of its sessions.
func validatePlaces(o *Offer) error {
	if o.Places < 0 || o.Places > OfferPlacesMax || (o.Places == 0 && o.Type != OfferVisit) {
		return FieldError("places", "error.offer.places_range")
	}
	return nil
}
