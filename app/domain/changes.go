package domain

import "time"

// The changes below are what a status move writes besides the status, so
// that services say what changes and only the store knows how it is kept.
// A zero time and a nil pointer leave their field as it is.

// OfferChange is what a moderation decision or a closure records.
type OfferChange struct {
	At           time.Time  // the offer's last change
	PublishedAt  *time.Time // on publication
	RejectReason *string    // the refusal's reason, emptied on publication
}

// BookingChange is what a booking's move records.
type BookingChange struct {
	At           time.Time // the booking's last change
	OpenSeats    *int      // the seats taken from the open share, set before taking them
	CancelledBy  string    // the side that cancelled, with its reason
	CancelReason string
}

// CampaignChange is what a step of a campaign records: the sessions staff
// keeps, a run's lottery and results, a publication.
type CampaignChange struct {
	SessionIDs  []string
	Seed        *int64
	Results     []CampaignResult
	AllocatedAt *time.Time
	PublishedAt *time.Time
}
