package passerelle

import (
	"context"

	"passerelle/app/domain"
)

// tellEmployersOfExpiry tells the employer side of each expired application
// that it closed unanswered; the offers and their organisations' members
// are read once for all, not once per application.
func (s *Service) tellEmployersOfExpiry(ctx context.Context, expired []domain.Application) error {
	if len(expired) == 0 {
		return nil
	}
	var offerIDs, orgIDs []string
	for _, a := range expired {
		offerIDs, orgIDs = append(offerIDs, a.OfferID), append(orgIDs, a.OrganisationID)
	}
	offers, err := s.store.OffersByIDs(ctx, offerIDs)
	if err != nil {
		return err
	}
	members, err := s.store.MembersOf(ctx, orgIDs)
	if err != nil {
		return err
	}
	byID := make(map[string]*domain.Offer, len(offers))
	for i := range offers {
		byID[offers[i].ID] = &offers[i]
	}
	for i := range expired {
		a := &expired[i]
		if o := byID[a.OfferID]; o != nil {
			for _, to := range recipientsOf(o, members) {
				s.notify(ctx, Notice("application_expired_employer:"+a.ID+":"+to.Email, to,
					"application_expired_employer", ApplicationArgs(a)))
			}
		}
	}
	return nil
}
