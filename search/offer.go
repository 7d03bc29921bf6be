package search

import "time"

// Offer is the searchable projection of a published opportunity. The
// application builds it from its own offer type; the engines store it as is.
type Offer struct {
	ID               string
	Type             string
	Title            string
	Description      string
	OrganisationID   string // the organisation's public page
	OrganisationName string
	ROMECodes        []string
	ROMELabels       []string
	Subdomain        string
	TensionFamily    string
	ESS              bool
	CommuneCode      string
	CommuneName      string
	Lat              float64
	Lng              float64
	AgeMin           int
	AgeMax           int
	StartDate        time.Time
	EndDate          time.Time
	PublishedAt      time.Time
	Accessible       bool
	Remote           bool
}

// Point returns where the offer takes place.
func (o Offer) Point() Point {
	return Point{Lat: o.Lat, Lng: o.Lng}
}
