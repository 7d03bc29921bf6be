package domain

import "time"

// OfferType is the kind of opportunity an employer posts.
type OfferType string

const (
	OfferApprenticeship      OfferType = "apprenticeship"
	OfferProfessionalisation OfferType = "professionalisation"
	OfferInternship3e        OfferType = "internship_3e"
	OfferInternship2nde      OfferType = "internship_2nde"
	OfferInternship          OfferType = "internship"
	OfferJob                 OfferType = "job"
	OfferVisit               OfferType = "visit"
	OfferESSDiscovery        OfferType = "ess_discovery"
)

// OfferTypes lists every offer type in display order.
var OfferTypes = []OfferType{OfferApprenticeship, OfferProfessionalisation, OfferInternship3e,
	OfferInternship2nde, OfferInternship, OfferJob, OfferVisit, OfferESSDiscovery}

// OfferStatus is where an offer stands in moderation and publication.
type OfferStatus string

const (
	OfferDraft     OfferStatus = "draft"
	OfferPending   OfferStatus = "pending"
	OfferPublished OfferStatus = "published"
	OfferClosed    OfferStatus = "closed"
	OfferExpired   OfferStatus = "expired"
	OfferRejected  OfferStatus = "rejected"
)

// Offer is an opportunity posted by an employer.
type Offer struct {
	ID               string      `bson:"_id" json:"id"`
	OrganisationID   string      `bson:"organisation_id" json:"organisation_id"`
	OrganisationName string      `bson:"organisation_name" json:"organisation_name"`
	Type             OfferType   `bson:"type" json:"type"`
	Title            string      `bson:"title" json:"title"`
	Description      string      `bson:"description" json:"description"`
	ROMECodes        []string    `bson:"rome_codes" json:"rome_codes"`
	Subdomain        string      `bson:"subdomain,omitempty" json:"subdomain,omitempty"`
	TensionFamily    string      `bson:"tension_family,omitempty" json:"tension_family,omitempty"`
	ESS              bool        `bson:"ess" json:"ess"`
	CommuneCode      string      `bson:"commune_code" json:"commune_code"`
	Address          string      `bson:"address,omitempty" json:"address,omitempty"` // a place outside the 92, when no commune
	Lat              float64     `bson:"lat" json:"lat"`
	Lng              float64     `bson:"lng" json:"lng"`
	AgeMin           int         `bson:"age_min" json:"age_min"`
	AgeMax           int         `bson:"age_max" json:"age_max"`
	Level            string      `bson:"level,omitempty" json:"level,omitempty"`
	StartDate        time.Time   `bson:"start_date" json:"start_date"`
	EndDate          time.Time   `bson:"end_date" json:"end_date"`
	Weeks            []time.Time `bson:"weeks,omitempty" json:"weeks,omitempty"` // Mondays, sorted; then the dates derive from them
	Places           int         `bson:"places" json:"places"`
	PlacesLeft       int         `bson:"places_left" json:"places_left"`  // decremented by each acceptance
	AcceptedIDs      []string    `bson:"accepted_ids,omitempty" json:"-"` // applications holding a place
	Accessible       bool        `bson:"accessible" json:"accessible"`
	Remote           bool        `bson:"remote" json:"remote"`
	Languages        []string    `bson:"languages,omitempty" json:"languages,omitempty"`
	Status           OfferStatus `bson:"status" json:"status"`
	RejectReason     string      `bson:"reject_reason,omitempty" json:"reject_reason,omitempty"`
	ContactEmail     string      `bson:"contact_email,omitempty" json:"-"`
	ContactName      string      `bson:"contact_name,omitempty" json:"-"`
	// ContactUserID is the contact's account, whose chosen language the
	// offer's emails are written in.
	ContactUserID string     `bson:"contact_user_id,omitempty" json:"-"`
	CreatedAt     time.Time  `bson:"created_at" json:"created_at"`
	UpdatedAt     time.Time  `bson:"updated_at,omitempty" json:"updated_at,omitempty"`
	PublishedAt   *time.Time `bson:"published_at,omitempty" json:"published_at,omitempty"`
}
