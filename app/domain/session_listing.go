package domain

// SessionWithOffer is a visit session shown with what a list needs of its offer,
// read without a join (the embedded database has no $lookup).
type SessionWithOffer struct {
	VisitSession     `bson:",inline"`
	OfferTitle       string `bson:"-" json:"offer_title"`
	OrganisationID   string `bson:"-" json:"organisation_id"`
	OrganisationName string `bson:"-" json:"organisation_name"`
	CommuneCode      string `bson:"-" json:"commune_code"`
}
