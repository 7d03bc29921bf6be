package passerelle

import (
	"context"
	"time"

	"passerelle/app/domain"
)

// BookingLine is a booking as its lists show it: which visit, of which
// company, when and where, and which school or structure booked it.
type BookingLine struct {
	domain.Booking
	OfferTitle   string
	Organisation string // the employer's name
	CommuneCode  string
	StartsAt     time.Time
	MeetingPoint string
	Structure    string // the counsellor's school or structure
}

// BookingLinesPageFor returns one page of the bookings the actor may see,
// newest first (a booking just made is at the top), with what a list says
// of each: four queries.
func (s *Service) BookingLinesPageFor(ctx context.Context, actor *domain.User, r domain.PageRequest) (domain.Page[BookingLine], error) {
	f, err := bookingsSeenBy(actor)
	if err != nil {
		return domain.Page[BookingLine]{}, err
	}
	f.NewestFirst = true
	page, err := s.store.BookingsPage(ctx, f, r)
	if err != nil {
		return domain.Page[BookingLine]{}, err
	}
	return s.bookingLines(ctx, page)
}

// bookingLines completes a page of bookings with their sessions, offers and
// structures, in three queries.
func (s *Service) bookingLines(ctx context.Context, page domain.Page[domain.Booking]) (domain.Page[BookingLine], error) {
	lines := domain.Page[BookingLine]{Items: make([]BookingLine, len(page.Items)), Page: page.Page, PerPage: page.PerPage, Total: page.Total}
	if len(page.Items) == 0 {
		return lines, nil
	}
	var sessionIDs, offerIDs, structureIDs []string
	for _, b := range page.Items {
		sessionIDs, offerIDs, structureIDs = append(sessionIDs, b.SessionID), append(offerIDs, b.OfferID), append(structureIDs, b.StructureID)
	}
	sessions, err := s.store.VisitSessionsByIDs(ctx, sessionIDs)
	if err != nil {
		return lines, err
	}
	offers, err := s.store.OffersByIDs(ctx, offerIDs)
	if err != nil {
		return lines, err
	}
	structures, err := s.store.OrganisationsByIDs(ctx, structureIDs)
	if err != nil {
		return lines, err
	}
	sessionOf, offerOf, structureOf := indexByID(sessions, func(v domain.VisitSession) string { return v.ID }),
		indexByID(offers, func(o domain.Offer) string { return o.ID }),
		indexByID(structures, func(o domain.Organisation) string { return o.ID })
	for i, b := range page.Items {
		vs, o := sessionOf[b.SessionID], offerOf[b.OfferID]
		lines.Items[i] = BookingLine{Booking: b, OfferTitle: o.Title, Organisation: o.OrganisationName,
			CommuneCode: o.CommuneCode, StartsAt: vs.StartsAt, MeetingPoint: vs.MeetingPoint, Structure: structureOf[b.StructureID].Name}
	}
	return lines, nil
}

// indexByID maps items by their id.
func indexByID[T any](items []T, id func(T) string) map[string]T {
	m := make(map[string]T, len(items))
	for _, item := range items {
		m[id(item)] = item
	}
	return m
}
