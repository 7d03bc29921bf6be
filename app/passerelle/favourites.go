package passerelle

import (
	"context"

	"passerelle/app/domain"
)

// FavouriteStore is what a youth's saved offers read and write.
type FavouriteStore interface {
	SaveFavourite(ctx context.Context, f domain.Favourite) error
	DeleteFavourite(ctx context.Context, youthID, offerID string) error
	FavouritesOfYouthPage(ctx context.Context, youthID string, r domain.PageRequest) (domain.Page[domain.Favourite], error)
	IsFavourite(ctx context.Context, youthID, offerID string) (bool, error)
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
	return s.store.DeleteFavourite(ctx, u.ID, offerID)
}

// FavouriteOffersPage returns one page of the offers the youth saved, the
// newest saved first, from their shelf: the page's favourites and their
// offers, by _id. An offer no longer published is left out of its page
// (the total still counts it, as it counts a favourite whose saving
// crashed half-way).
func (s *Service) FavouriteOffersPage(ctx context.Context, u *domain.User, r domain.PageRequest) (domain.Page[domain.Offer], error) {
	favs, err := s.store.FavouritesOfYouthPage(ctx, u.ID, r)
	if err != nil || len(favs.Items) == 0 {
		return domain.WithItems(favs, []domain.Offer{}), err
	}
	ids := make([]string, len(favs.Items))
	for i, f := range favs.Items {
		ids[i] = f.OfferID
	}
	offers, err := s.store.OffersByIDs(ctx, ids)
	byID := make(map[string]domain.Offer, len(offers))
	for _, o := range offers {
		byID[o.ID] = o
	}
	saved := []domain.Offer{}
	for _, id := range ids {
		if o, ok := byID[id]; ok && o.Status == domain.OfferPublished {
			saved = append(saved, o)
		}
	}
	return domain.WithItems(favs, saved), err
}

// IsFavourite reports whether the youth saved the offer.
func (s *Service) IsFavourite(ctx context.Context, u *domain.User, offerID string) (bool, error) {
	return s.store.IsFavourite(ctx, u.ID, offerID)
}
