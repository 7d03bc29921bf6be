package passerelle

import (
	"context"

	"passerelle/app/domain"
)

// OfferDesk is what an employer manages of one offer: its sessions, the
// groups booked and the applications received.
type OfferDesk struct {
	Offer        *domain.Offer
	Sessions     []domain.VisitSession
	Bookings     []domain.Booking
	Applications []domain.Application
}

// Desk returns the desk of one of the actor's offers, in four queries.
func (s *Service) Desk(ctx context.Context, actor *domain.User, offerID string) (*OfferDesk, error) {
	o, err := s.ownOffer(ctx, actor, offerID)
	if err != nil {
		return nil, err
	}
	d := &OfferDesk{Offer: o}
	if d.Sessions, err = s.store.SessionsOfOffers(ctx, []string{o.ID}); err != nil {
		return nil, err
	}
	if d.Bookings, err = s.store.BookingsWhere(ctx, "offer_id", o.ID); err != nil {
		return nil, err
	}
	d.Applications, err = s.store.ApplicationsWhere(ctx, "offer_id", o.ID)
	return d, err
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
