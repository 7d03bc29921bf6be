package passerelle

import (
	"context"

	"passerelle/app/domain"
)

// Audited offer actions.
const (
	AuditOfferCreated   = "offer.created"
	AuditOfferEdited    = "offer.edited"
	AuditOfferClosed    = "offer.closed"
	AuditOfferReopened  = "offer.reopened"
	AuditOfferPublished = "staff.offer_published"
	AuditOfferRejected  = "staff.offer_rejected"
)

// CreateOffer saves a new offer of organisation orgID. A draft waits for its
// employer; otherwise it is published at once when the organisation is
// verified, and goes to moderation when it is not.
func (s *Service) CreateOffer(ctx context.Context, actor *domain.User, orgID string, in OfferInput, draft bool) (*domain.Offer, error) {
	if err := mustEmploy(actor, orgID); err != nil {
		return nil, err
	}
	org, err := s.store.OrganisationByID(ctx, orgID)
	if err != nil {
		return nil, err
	}
	now := s.now()
	o := &domain.Offer{ID: domain.NewID("offer"), OrganisationID: org.ID, OrganisationName: org.Name, ESS: org.ESS,
		ContactEmail: actor.Email, ContactName: actor.Name, ContactUserID: actor.ID, CreatedAt: now, UpdatedAt: now}
	in.applyTo(o)
	if err := domain.ValidateOffer(o, referenceData, now); err != nil {
		return nil, err
	}
	o.PlacesLeft = o.Places
	s.submitStatus(o, org, draft)
	if err := s.store.InsertOffer(ctx, o); err != nil {
		return nil, err
	}
	s.audit(ctx, actor, AuditOfferCreated, "offer", o.ID, string(o.Status))
	s.offerChanged(ctx, o)
	return o, nil
}

// submitStatus sets where a submitted offer goes: a draft stays one, a
// verified employer publishes, any other waits for moderation.
func (s *Service) submitStatus(o *domain.Offer, org *domain.Organisation, draft bool) {
	switch {
	case draft:
		o.Status = domain.OfferDraft
	case org.Verified:
		now := s.now()
		o.Status, o.PublishedAt, o.RejectReason = domain.OfferPublished, &now, ""
	default:
		o.Status = domain.OfferPending
	}
}

// ownOffer loads an offer and checks that actor is one of its employers.
func (s *Service) ownOffer(ctx context.Context, actor *domain.User, id string) (*domain.Offer, error) {
	o, err := s.store.OfferByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := mustEmploy(actor, o.OrganisationID); err != nil {
		return nil, err
	}
	return o, nil
}
