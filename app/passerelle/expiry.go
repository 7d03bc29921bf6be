package passerelle

import (
	"context"

	"passerelle/app/domain"
)

// ExpireOffers closes the published offers whose end date has passed, and
// returns how many expired: a scheduled job runs it.
func (s *Service) ExpireOffers(ctx context.Context) (int, error) {
	now := s.now()
	ended, err := s.store.PublishedOffersEndedBefore(ctx, now)
	if err != nil || len(ended) == 0 {
		return 0, err
	}
	ids := make([]string, len(ended))
	for i := range ended {
		ids[i] = ended[i].ID
	}
	n, err := s.store.ExpireOffers(ctx, ids, now)
	if err != nil {
		return 0, err
	}
	for i := range ended {
		ended[i].Status, ended[i].UpdatedAt = domain.OfferExpired, now
		s.offerChanged(ctx, &ended[i])
	}
	return n, nil
}
