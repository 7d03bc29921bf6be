// Package recommend ranks the published offers for a youth with the
// matching package, and holds the one converter from the platform's types
// to matching's plain inputs.
package recommend

import (
	"slices"

	"passerelle/app/domain"
	"passerelle/app/refdata"
	"passerelle/matching"
)

// levelOrdinals orders the youths' levels (the keys of the profile form)
// and the levels offers ask for; "none" and unknown levels are 0.
var levelOrdinals = map[string]int{"4e": 1, "3e": 2, "2nde": 3, "cap": 3, "1re": 4, "terminale": 5, "bac": 6,
	"bac+2": 7, "bac+3": 8, "bac+5": 9}

// essInterest is the profile's interest key for the social and solidarity economy.
const essInterest = "ess"

// Youth converts a youth's profile; consent, as matching wants it, is
// whether a guardian gave it (matching asks it only under 15).
func Youth(y *domain.Youth) matching.Youth {
	wanted := make([]string, len(y.WantedTypes))
	for i, t := range y.WantedTypes {
		wanted[i] = string(t)
	}
	return matching.Youth{ID: y.ID, FirstName: y.FirstName, BirthDate: y.BirthDate, CommuneCode: y.CommuneCode,
		Home: communePoint(y.CommuneCode), MobilityKm: y.MobilityKm, Interests: slices.Clone(y.Interests),
		WantedTypes: wanted, Level: levelOrdinals[y.Level], ESSInterest: slices.Contains(y.Interests, essInterest),
		GuardianConsent: y.GuardianConsentAt != nil, Visible: y.VisibleToEmployers}
}

// Offer converts an offer; it is open when published.
func Offer(o *domain.Offer) matching.Offer {
	m := matching.Offer{ID: o.ID, Type: string(o.Type), Interests: interests(o), ESS: o.ESS,
		Place: matching.Point{Lat: o.Lat, Lng: o.Lng}, AgeMin: o.AgeMin, AgeMax: o.AgeMax, Level: levelOrdinals[o.Level],
		Start: o.StartDate, End: o.EndDate, Open: o.Status == domain.OfferPublished}
	if !m.Place.Known() {
		m.Place = communePoint(o.CommuneCode)
	}
	if o.PublishedAt != nil {
		m.Published = *o.PublishedAt
	}
	return m
}

// interests are the keys a youth may have chosen that the offer answers:
// its family of métiers en tension and its ROME sub-domain.
func interests(o *domain.Offer) []matching.Interest {
	var list []matching.Interest
	if o.TensionFamily != "" {
		list = append(list, matching.Interest{Key: o.TensionFamily})
	}
	if o.Subdomain != "" {
		list = append(list, matching.Interest{Key: o.Subdomain, Name: o.Subdomain})
	}
	return list
}

func communePoint(code string) matching.Point {
	c, ok := refdata.CommuneByCode(code)
	if !ok {
		return matching.Point{}
	}
	return matching.Point{Lat: c.Lat, Lng: c.Lng}
}
