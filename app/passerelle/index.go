// Package passerelle holds the youth–enterprise programme: offers, visit
// sessions, bookings and applications, and keeping the search index in step.
package passerelle

import (
	"passerelle/app/domain"
	"passerelle/app/refdata"
	"passerelle/search"
)

// SearchDocument is the searchable projection of an offer, with the names of
// its commune and jobs resolved from the reference data.
func SearchDocument(o domain.Offer) search.Offer {
	doc := search.Offer{
		ID: o.ID, Type: string(o.Type), Title: o.Title, Description: o.Description,
		OrganisationID: o.OrganisationID, OrganisationName: o.OrganisationName, ROMECodes: o.ROMECodes, Subdomain: o.Subdomain,
		TensionFamily: o.TensionFamily, ESS: o.ESS, CommuneCode: o.CommuneCode, Lat: o.Lat, Lng: o.Lng,
		AgeMin: o.AgeMin, AgeMax: o.AgeMax, StartDate: o.StartDate, EndDate: o.EndDate,
		Accessible: o.Accessible, Remote: o.Remote,
	}
	if c, ok := refdata.CommuneByCode(o.CommuneCode); ok {
		doc.CommuneName = c.Name
	}
	for _, code := range o.ROMECodes {
		if job, ok := refdata.JobByCode(code); ok {
			doc.ROMELabels = append(doc.ROMELabels, job.Label)
		}
	}
	if o.PublishedAt != nil {
		doc.PublishedAt = *o.PublishedAt
	}
	return doc
}

// SearchPlaces are the communes of the département, which searches are
// made around: engines that can precompute distances to them do.
func SearchPlaces() []search.Place {
	communes := refdata.Communes()
	places := make([]search.Place, len(communes))
	for i, c := range communes {
		places[i] = search.Place{ID: c.Code, Point: search.Point{Lat: c.Lat, Lng: c.Lng}}
	}
	return places
}
