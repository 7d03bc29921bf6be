package domain

// ObservatoryFacts are what the observatory counts, read with only the
// fields it needs: no person's name, email, message or file.
type ObservatoryFacts struct {
	Offers       []Offer
	Sessions     []VisitSession
	Bookings     []Booking
	Applications []Application
	Calls        []Call
	Grants       []GrantApplication
	Awards       []Award
}
