package meili

import (
	"time"

	"passerelle/search"
)

// document is an offer as Meilisearch stores it: dates as Unix seconds so
// that they can be filtered and sorted, the place as _geo.
type document struct {
	ID               string   `json:"id"`
	Type             string   `json:"type"`
	Title            string   `json:"title"`
	Description      string   `json:"description"`
	OrganisationID   string   `json:"organisation_id"`
	OrganisationName string   `json:"organisation_name"`
	ROMECodes        []string `json:"rome_codes"`
	ROMELabels       []string `json:"rome_labels"`
	Terms            []string `json:"terms"` // search.OfferTerms, never sent back with hits
	Subdomain        string   `json:"subdomain"`
	TensionFamily    string   `json:"tension_family"`
	ESS              bool     `json:"ess"`
	CommuneCode      string   `json:"commune_code"`
	CommuneName      string   `json:"commune_name"`
	Geo              geo      `json:"_geo"`
	AgeMin           int      `json:"age_min"`
	AgeMax           int      `json:"age_max"`
	StartDate        *int64   `json:"start_date,omitempty"`
	EndDate          *int64   `json:"end_date,omitempty"`
	PublishedAt      *int64   `json:"published_at,omitempty"`
	Accessible       bool     `json:"accessible"`
	Remote           bool     `json:"remote"`
	// DistanceKm is the offer's distance to each of the engine's places
	// (see search.Place); it is never sent back with hits.
	DistanceKm map[string]float64 `json:"distance_km,omitempty"`
}

// retrieved are the attributes a hit brings back: all but the distances and the terms.
var retrieved = []string{"id", "type", "title", "description", "organisation_id", "organisation_name", "rome_codes", "rome_labels",
	"subdomain", "tension_family", "ess", "commune_code", "commune_name", "_geo", "age_min", "age_max",
	"start_date", "end_date", "published_at", "accessible", "remote"}

type geo struct {
	Lat float64 `json:"lat"`
	Lng float64 `json:"lng"`
}

func toDocument(o search.Offer, places []search.Place) document {
	d := document{ID: o.ID, Type: o.Type, Title: o.Title, Description: o.Description,
		OrganisationID: o.OrganisationID, OrganisationName: o.OrganisationName, ROMECodes: o.ROMECodes, ROMELabels: o.ROMELabels,
		Terms: search.OfferTerms(o), Subdomain: o.Subdomain, TensionFamily: o.TensionFamily, ESS: o.ESS,
		CommuneCode: o.CommuneCode, CommuneName: o.CommuneName, Geo: geo{Lat: o.Lat, Lng: o.Lng}, AgeMin: o.AgeMin, AgeMax: o.AgeMax,
		StartDate: unix(o.StartDate), EndDate: unix(o.EndDate), PublishedAt: unix(o.PublishedAt),
		Accessible: o.Accessible, Remote: o.Remote}
	if len(places) > 0 {
		d.DistanceKm = make(map[string]float64, len(places))
		for _, p := range places {
			d.DistanceKm[p.ID] = search.DistanceKm(p.Point, o.Point())
		}
	}
	return d
}

func (d document) offer() search.Offer {
	return search.Offer{ID: d.ID, Type: d.Type, Title: d.Title, Description: d.Description,
		OrganisationID: d.OrganisationID, OrganisationName: d.OrganisationName, ROMECodes: d.ROMECodes, ROMELabels: d.ROMELabels,
		Subdomain: d.Subdomain, TensionFamily: d.TensionFamily, ESS: d.ESS, CommuneCode: d.CommuneCode,
		CommuneName: d.CommuneName, Lat: d.Geo.Lat, Lng: d.Geo.Lng, AgeMin: d.AgeMin, AgeMax: d.AgeMax,
		StartDate: fromUnix(d.StartDate), EndDate: fromUnix(d.EndDate), PublishedAt: fromUnix(d.PublishedAt),
		Accessible: d.Accessible, Remote: d.Remote}
}

// unix leaves unknown dates out, so that date filters never match them.
func unix(t time.Time) *int64 {
	if t.IsZero() {
		return nil
	}
	s := t.Unix()
	return &s
}

func fromUnix(s *int64) time.Time {
	if s == nil {
		return time.Time{}
	}
	return time.Unix(*s, 0).UTC()
}
