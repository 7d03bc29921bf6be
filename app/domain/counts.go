package domain

// Counts are the figures the public pages and the staff dashboard show.
type Counts struct {
	OffersByStatus      map[OfferStatus]int `json:"offers_by_status"`
	PublishedByType     map[OfferType]int   `json:"published_by_type"`
	Organisations       int                 `json:"organisations"`
	UnverifiedEmployers int                 `json:"unverified_employers"`
	UpcomingSessions    int                 `json:"upcoming_sessions"`
	Youths              int                 `json:"youths"`
	PendingTestimonies  int                 `json:"pending_testimonies"`
}

// Offers returns the number of offers in status s.
func (c Counts) Offers(s OfferStatus) int { return c.OffersByStatus[s] }

// Published returns the number of published offers of type t.
func (c Counts) Published(t OfferType) int { return c.PublishedByType[t] }

// BookingTally is how many bookings stand in one status, and their seats.
type BookingTally struct {
	Status   BookingStatus
	Bookings int
	Seats    int
}
