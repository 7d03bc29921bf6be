package passerelle

import (
	"strings"
	"time"

	"passerelle/app/domain"
	"passerelle/app/refdata"
)

// OfferInput is what an employer writes of an offer.
type OfferInput struct {
	Type        domain.OfferType
	Title       string
	Description string
	ROMECodes   []string
	CommuneCode string
	Address     string // a place outside the 92, when CommuneCode is empty
	AgeMin      int    // 0: the type's usual minimum (and AgeMax 0 its usual maximum)
	AgeMax      int
	Level       string
	StartDate   time.Time
	EndDate     time.Time
	Weeks       []time.Time // any day of each week; when given, the dates derive from them
	Places      int
	Accessible  bool
	Remote      bool
	Languages   []string
}

var referenceData = domain.OfferPlaces{
	JobExists:     func(code string) bool { _, ok := refdata.JobByCode(code); return ok },
	CommuneExists: func(code string) bool { _, ok := refdata.CommuneByCode(code); return ok },
}

// applyTo writes the input over o, with the defaults and what the reference
// data derives: the age range of the type, the sector and tension family of
// the jobs, the commune's position.
func (in OfferInput) applyTo(o *domain.Offer) {
	o.Type, o.Title, o.Description = in.Type, strings.TrimSpace(in.Title), strings.TrimSpace(in.Description)
	o.ROMECodes = normaliseCodes(in.ROMECodes)
	o.CommuneCode, o.Address = strings.TrimSpace(in.CommuneCode), strings.TrimSpace(in.Address)
	o.AgeMin, o.AgeMax = in.AgeMin, in.AgeMax
	if rule, ok := domain.AgeRuleFor(in.Type); ok {
		// Each bound left empty takes the type's usual one; a maximum left
		// empty under a minimum above the usual maximum goes up to the ceiling.
		if o.AgeMin == 0 {
			o.AgeMin = rule.DefaultMin
		}
		if o.AgeMax == 0 {
			o.AgeMax = rule.DefaultMax
			if o.AgeMax < o.AgeMin {
				o.AgeMax = rule.Ceiling
			}
		}
	}
	o.Level, o.StartDate, o.EndDate, o.Places = in.Level, in.StartDate, in.EndDate, in.Places
	o.SetWeeks(in.Weeks)
	o.Accessible, o.Remote, o.Languages = in.Accessible, in.Remote, in.Languages
	o.Subdomain, o.TensionFamily, o.Lat, o.Lng = "", "", 0, 0
	for _, code := range o.ROMECodes {
		if o.Subdomain == "" {
			o.Subdomain, _ = refdata.Subdomain(code)
		}
		if o.TensionFamily == "" {
			o.TensionFamily, _ = refdata.TensionFamily(code)
		}
	}
	if c, ok := refdata.CommuneByCode(o.CommuneCode); ok {
		o.Lat, o.Lng = c.Lat, c.Lng
	}
}

func normaliseCodes(codes []string) []string {
	var out []string
	for _, c := range codes {
		if c = strings.ToUpper(strings.TrimSpace(c)); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// InputOf returns the input that reproduces an offer, to fill an edit form.
func InputOf(o *domain.Offer) OfferInput {
	return OfferInput{Type: o.Type, Title: o.Title, Description: o.Description, ROMECodes: o.ROMECodes,
		CommuneCode: o.CommuneCode, Address: o.Address, AgeMin: o.AgeMin, AgeMax: o.AgeMax, Level: o.Level,
		StartDate: o.StartDate, EndDate: o.EndDate, Weeks: o.Weeks, Places: o.Places, Accessible: o.Accessible,
		Remote: o.Remote, Languages: o.Languages}
}
