package passerelle

import (
	"context"

	"passerelle/app/domain"
)

// PublishOffer is a staff decision to publish an offer waiting in moderation.
func (s *Service) PublishOffer(ctx context.Context, actor *domain.User, id string) (*domain.Offer, error) {
	if err := mustBeStaff(actor); err != nil {
		return nil, err
	}
	o, err := s.store.OfferByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if o.Status == domain.OfferClosed { // only its employer reopens it
		return nil, &domain.Error{Code: domain.ECONFLICT, Message: "error.offer.transition"}
	}
	now := s.now()
	noReason := ""
	change := domain.OfferChange{At: now, PublishedAt: &now, RejectReason: &noReason}
	if err := s.moveOffer(ctx, o, domain.OfferPublished, change); err != nil {
		return nil, err
	}
	o.PublishedAt, o.RejectReason = &now, ""
	s.audit(ctx, actor, AuditOfferPublished, "offer", o.ID, "")
	s.offerChanged(ctx, o)
	s.notifyEmployer(ctx, o, "offer_published")
	return o, nil
}

// RejectOffer is a staff decision to refuse an offer, with the reason the
// employer is sent.
func (s *Service) RejectOffer(ctx context.Context, actor *domain.User, id, reason string) (*domain.Offer, error) {
	if err := mustBeStaff(actor); err != nil {
		return nil, err
	}
	if err := domain.ValidateCancelReason(reason); err != nil {
		return nil, err
	}
	o, err := s.store.OfferByID(ctx, id)
	if err != nil {
		return nil, err
	}
	change := domain.OfferChange{At: s.now(), RejectReason: &reason}
	if err := s.moveOffer(ctx, o, domain.OfferRejected, change); err != nil {
		return nil, err
	}
	o.RejectReason = reason
	s.audit(ctx, actor, AuditOfferRejected, "offer", o.ID, reason)
	s.offerChanged(ctx, o)
	s.notifyEmployer(ctx, o, "offer_rejected")
	return o, nil
}

func (s *Service) notifyEmployer(ctx context.Context, o *domain.Offer, template string) {
	s.notify(ctx, Notice(template+":"+o.ID+":"+o.UpdatedAt.String(), offerContact(o),
		template, OfferArgs(o)))
}
