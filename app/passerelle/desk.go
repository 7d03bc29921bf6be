package passerelle

import (
	"context"

	"passerelle/app/domain"
)

// OfferDesk is what an employer manages of one offer: its sessions, a page
// of the groups booked and a page of the applications received.
type OfferDesk struct {
	Offer        *domain.Offer
	Sessions     []domain.VisitSession
	Bookings     domain.Page[BookingLine]
	Applications domain.Page[domain.Application]
}

// DeskPages are the pages of its lists a desk shows.
type DeskPages struct{ Bookings, Applications domain.PageRequest }

// Desk returns the desk of one of the actor's offers, in nine queries,
// the newest bookings first.
func (s *Service) Desk(ctx context.Context, actor *domain.User, offerID string, pages DeskPages) (*OfferDesk, error) {
	o, err := s.ownOffer(ctx, actor, offerID)
	if err != nil {
		return nil, err
	}
	d := &OfferDesk{Offer: o}
	if d.Sessions, err = s.store.SessionsOfOffers(ctx, []string{o.ID}); err != nil {
		return nil, err
	}
	bookings, err := s.store.BookingsPage(ctx, domain.BookingFilter{OfferID: o.ID, NewestFirst: true}, pages.Bookings)
	if err != nil {
		return nil, err
	}
	if d.Bookings, err = s.bookingLines(ctx, bookings); err != nil {
		return nil, err
	}
	d.Applications, err = s.store.ApplicationsPage(ctx, domain.ApplicationFilter{OfferID: o.ID}, pages.Applications)
	return d, err
}

// OwnOffer returns one of the actor's offers, to edit it.
func (s *Service) OwnOffer(ctx context.Context, actor *domain.User, offerID string) (*domain.Offer, error) {
	return s.ownOffer(ctx, actor, offerID)
}

// SessionToBook returns a session a counsellor may book, with its offer.
func (s *Service) SessionToBook(ctx context.Context, sessionID string) (*domain.VisitSession, *domain.Offer, error) {
	vs, err := s.store.SessionByID(ctx, sessionID)
	if err != nil {
		return nil, nil, err
	}
	o, err := s.store.OfferByID(ctx, vs.OfferID)
	if err == nil && !o.Status.Open() {
		err = &domain.Error{Code: domain.ECONFLICT, Message: "error.booking.offer_closed"}
	}
	return vs, o, err
}

// OfferToApply returns a published offer, for the application form.
func (s *Service) OfferToApply(ctx context.Context, offerID string) (*domain.Offer, error) {
	o, err := s.store.OfferByID(ctx, offerID)
	if err == nil && !o.Status.Open() {
		err = &domain.Error{Code: domain.ECONFLICT, Message: "error.application.offer_closed"}
	}
	return o, err
}
