package passerelle

import (
	"context"

	"passerelle/app/domain"
)

var errOfferChanged = &domain.Error{Code: domain.ECONFLICT, Message: "error.offer.changed"}

// UpdateOffer saves an employer's edit. An edit by an unverified employer
// goes back to moderation; the places may not drop below those given.
// With submit, a draft or rejected offer is submitted too.
func (s *Service) UpdateOffer(ctx context.Context, actor *domain.User, id string, in OfferInput, submit bool) (*domain.Offer, error) {
	o, err := s.ownOffer(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	if !o.Status.Editable() {
		return nil, &domain.Error{Code: domain.ECONFLICT, Message: "error.offer.not_editable"}
	}
	org, err := s.store.OrganisationByID(ctx, o.OrganisationID)
	if err != nil {
		return nil, err
	}
	status, oldPlaces := o.Status, o.Places
	in.applyTo(o)
	if err := s.validateEdit(o, oldPlaces); err != nil {
		return nil, err
	}
	o.UpdatedAt = s.now()
	s.submitStatus(o, org, status == domain.OfferDraft && !submit)
	if err := s.saveEdit(ctx, o, status, oldPlaces); err != nil {
		return nil, err
	}
	s.audit(ctx, actor, AuditOfferEdited, "offer", o.ID, string(o.Status))
	s.offerChanged(ctx, o)
	return o, nil
}

func (s *Service) validateEdit(o *domain.Offer, oldPlaces int) error {
	if err := domain.ValidateOffer(o, referenceData, s.now()); err != nil {
		return err
	}
	if given := oldPlaces - o.PlacesLeft; o.Places < given {
		return domain.FieldError("places", "error.offer.places_below_given")
	}
	return nil
}

func (s *Service) saveEdit(ctx context.Context, o *domain.Offer, status domain.OfferStatus, oldPlaces int) error {
	saved, err := s.store.ReplaceOfferContent(ctx, o, status, oldPlaces)
	if err != nil {
		return err
	}
	if !saved {
		return errOfferChanged
	}
	o.PlacesLeft += o.Places - oldPlaces
	return nil
}

// DuplicateOffer copies an offer as a new draft of the same organisation,
// for the employer to adjust (dates, places) and submit.
func (s *Service) DuplicateOffer(ctx context.Context, actor *domain.User, id string) (*domain.Offer, error) {
	o, err := s.ownOffer(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	now := s.now()
	copied := *o
	copied.ID, copied.Status, copied.PlacesLeft, copied.AcceptedIDs = domain.NewID("offer"), domain.OfferDraft, o.Places, nil
	copied.PublishedAt, copied.RejectReason, copied.CreatedAt, copied.UpdatedAt = nil, "", now, now
	copied.ContactEmail, copied.ContactName, copied.ContactUserID = actor.Email, actor.Name, actor.ID
	if err := s.store.InsertOffer(ctx, &copied); err != nil {
		return nil, err
	}
	s.audit(ctx, actor, AuditOfferCreated, "offer", copied.ID, DuplicateDetail+o.ID)
	return &copied, nil
}

// CloseOffer ends an offer before its end date: no more applications or bookings.
func (s *Service) CloseOffer(ctx context.Context, actor *domain.User, id string) (*domain.Offer, error) {
	o, err := s.ownOffer(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	if err := s.moveOffer(ctx, o, domain.OfferClosed, domain.OfferChange{At: s.now()}); err != nil {
		return nil, err
	}
	s.audit(ctx, actor, AuditOfferClosed, "offer", o.ID, "")
	s.offerChanged(ctx, o)
	return o, nil
}

// ReopenOffer publishes again an offer its employer closed, as it was
// moderated then, while its end date has not passed.
func (s *Service) ReopenOffer(ctx context.Context, actor *domain.User, id string) (*domain.Offer, error) {
	o, err := s.ownOffer(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	if o.Status != domain.OfferClosed || o.PublishedAt == nil || (!o.EndDate.IsZero() && o.EndDate.Before(s.now())) {
		return nil, &domain.Error{Code: domain.ECONFLICT, Message: "error.offer.reopen"}
	}
	if err := s.moveOffer(ctx, o, domain.OfferPublished, domain.OfferChange{At: s.now()}); err != nil {
		return nil, err
	}
	s.audit(ctx, actor, AuditOfferReopened, "offer", o.ID, "")
	s.offerChanged(ctx, o)
	return o, nil
}

// moveOffer moves o to status `to` if the table allows it from where the
// offer stands in the database, and updates o.
func (s *Service) moveOffer(ctx context.Context, o *domain.Offer, to domain.OfferStatus, change domain.OfferChange) error {
	if !o.Status.CanMove(to) {
		return &domain.Error{Code: domain.ECONFLICT, Message: "error.offer.transition"}
	}
	moved, err := s.store.MoveOffer(ctx, o.ID, domain.OfferStatusesBefore(to), to, change)
	if err != nil {
		return err
	}
	if !moved {
		return errOfferChanged
	}
	o.Status = to
	return nil
}

// DuplicateDetail starts the audit detail of an offer made as a copy,
// followed by the original's id.
const DuplicateDetail = "duplicate of "
