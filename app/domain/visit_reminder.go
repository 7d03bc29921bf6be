package domain

// VisitReminder gathers, for one visit session, who must be reminded of it:
// the employer's members and the counsellors of the confirmed bookings.
type VisitReminder struct {
	Session  VisitSession
	Offer    Offer
	Bookings []Booking // confirmed ones
	Members  []User    // of the organisation that owns the offer
}
