package passerelle

import (
	"context"
	"time"

	"passerelle/app/domain"
	"passerelle/app/readmodel"
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
// structures, kept in memory by id.
func (s *Service) bookingLines(ctx context.Context, page domain.Page[domain.Booking]) (domain.Page[BookingLine], error) {
	lines := domain.Page[BookingLine]{Items: make([]BookingLine, len(page.Items)), Page: page.Page, PerPage: page.PerPage, Total: page.Total}
	for i, b := range page.Items {
		vs, err := kept(ctx, s.sessions, b.SessionID)
		if err != nil {
			return lines, err
		}
		o, err := kept(ctx, s.offers, b.OfferID)
		if err != nil {
			return lines, err
		}
		structure, err := kept(ctx, s.organisations, b.StructureID)
		if err != nil {
			return lines, err
		}
		lines.Items[i] = BookingLine{Booking: b, OfferTitle: o.Title, Organisation: o.OrganisationName,
			CommuneCode: o.CommuneCode, StartsAt: vs.StartsAt, MeetingPoint: vs.MeetingPoint, Structure: structure.Name}
	}
	return lines, nil
}

// kept reads a document kept by id, to be read only; one not found is
// empty, as a line shows what it has.
func kept[T any](ctx context.Context, k *readmodel.Keyed[*T], id string) (*T, error) {
	v, err := k.Get(ctx, id)
	if domain.ErrorCode(err) == domain.ENOTFOUND || (err == nil && v == nil) {
		return new(T), nil
	}
	return v, err
}
