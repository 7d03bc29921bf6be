package passerelle

import (
	"context"

	"passerelle/app/domain"
)

// FavouriteStore is what a youth's saved offers read and write.
type FavouriteStore interface {
	SaveFavourite(ctx context.Context, f domain.Favourite) error
	DeleteFavourite(ctx context.Context, id string) error
	FavouritesOfYouth(ctx context.Context, youthID string) ([]domain.Favourite, error)
	OffersByIDs(ctx context.Context, ids []string) ([]domain.Offer, error)
}

// SaveFavourite saves a published offer for the signed-in youth; saving it
// again is harmless.
func (s *Service) SaveFavourite(ctx context.Context, u *domain.User, offerID string) error {
	if u == nil || !u.HasRole(domain.RoleYouth) {
		return errForbidden
	}
	o, err := s.store.OfferByID(ctx, offerID)
	if err != nil {
		return err
	}
	if o.Status != domain.OfferPublished {
		return &domain.Error{Code: domain.ENOTFOUND, Message: "error.offer.not_found"}
	}
	return s.store.SaveFavourite(ctx, domain.Favourite{ID: domain.FavouriteID(u.ID, offerID), YouthID: u.ID,
		OfferID: offerID, CreatedAt: s.now().UTC()})
}

// RemoveFavourite forgets a saved offer; removing it twice is harmless.
func (s *Service) RemoveFavourite(ctx context.Context, u *domain.User, offerID string) error {
	if u == nil || !u.HasRole(domain.RoleYouth) {
		return errForbidden
	}
	return s.store.DeleteFavourite(ctx, domain.FavouriteID(u.ID, offerID))
}

// FavouriteOffers returns the published offers the youth saved, the newest
// saved first, in two queries.
func (s *Service) FavouriteOffers(ctx context.Context, u *domain.User) ([]domain.Offer, error) {
	favs, err := s.store.FavouritesOfYouth(ctx, u.ID)
	if err != nil || len(favs) == 0 {
		return nil, err
	}
	ids := make([]string, len(favs))
	for i, f := range favs {
		ids[i] = f.OfferID
	}
	offers, err := s.store.OffersByIDs(ctx, ids)
	byID := make(map[string]domain.Offer, len(offers))
	for _, o := range offers {
		byID[o.ID] = o
	}
	var saved []domain.Offer
	for _, id := range ids {
		if o, ok := byID[id]; ok && o.Status == domain.OfferPublished {
			saved = append(saved, o)
		}
	}
	return saved, err
}

// IsFavourite reports whether the youth saved the offer.
func (s *Service) IsFavourite(ctx context.Context, u *domain.User, offerID string) (bool, error) {
	favs, err := s.store.FavouritesOfYouth(ctx, u.ID)
	for _, f := range favs {
		if f.OfferID == offerID {
			return true, err
		}
	}
	return false, err
}
