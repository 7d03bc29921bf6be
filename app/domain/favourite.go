package domain

import "time"

// Favourite is an offer a youth saved to find again. Its ID is the youth's
// and the offer's ids joined, so saving twice keeps one.
type Favourite struct {
	ID        string    `bson:"_id" json:"id"`
	YouthID   string    `bson:"youth_id" json:"youth_id"`
	OfferID   string    `bson:"offer_id" json:"offer_id"`
	CreatedAt time.Time `bson:"created_at" json:"created_at"`
}

// FavouriteID is the id of youthID's favourite offerID.
func FavouriteID(youthID, offerID string) string { return youthID + "+" + offerID }
