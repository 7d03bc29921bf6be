package store

import (
	"context"
	"slices"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

// InsertOffer saves a new offer.
func (db *DB) InsertOffer(ctx context.Context, o *domain.Offer) error {
	if err := db.shelveOffers(ctx, []domain.Offer{*o}); err != nil {
		return err
	}
	_, err := db.offers().InsertOne(ctx, o)
	return mapError(err)
}

// shelveOffers puts offers on their organisations' shelves, and those
// pending on the moderation queue's.
func (db *DB) shelveOffers(ctx context.Context, offers []domain.Offer) error {
	items := make([]shelfItem, 0, len(offers))
	for _, o := range offers {
		items = append(items, shelfItem{offersOfOrganisations, o.OrganisationID, shelved{ID: o.ID, CreatedAt: o.CreatedAt}})
		if o.Status == domain.OfferPending {
			items = append(items, awaitingModeration(o))
		}
	}
	return shelve(ctx, db.shelves(), items)
}

func awaitingModeration(o domain.Offer) shelfItem {
	return shelfItem{offersAwaitingModeration, offersAwaitingModeration.only, shelved{ID: o.ID, CreatedAt: o.CreatedAt}}
}

// followModeration keeps the moderation queue's shelf in step with a move of
// offer o from status from to its status: shelved before the move is
// written (moveWritten runs it), taken off after, so that a crash in between
// leaves at worst an offer on the shelf that the list skips (its status is
// not pending) and the total counts.
func (db *DB) followModeration(ctx context.Context, o domain.Offer, from []domain.OfferStatus, moveWritten func() (bool, error)) (bool, error) {
	if o.Status == domain.OfferPending {
		if err := shelve(ctx, db.shelves(), []shelfItem{awaitingModeration(o)}); err != nil {
			return false, err
		}
	}
	moved, err := moveWritten()
	if err != nil || !moved || o.Status == domain.OfferPending || !slices.Contains(from, domain.OfferPending) {
		return moved, err
	}
	return true, db.unshelve(ctx, offersAwaitingModeration, offersAwaitingModeration.only, o.ID)
}

// ReplaceOfferContent writes what an employer edits of an offer, only while
// its status and places are those read (status and oldPlaces): the places
// left move by the change of places, and never below the places already
// given. It reports false when the offer changed in between.
func (db *DB) ReplaceOfferContent(ctx context.Context, o *domain.Offer, status domain.OfferStatus, oldPlaces int) (bool, error) {
	filter := bson.D{{Key: "_id", Value: o.ID}, {Key: "status", Value: status}, {Key: "places", Value: oldPlaces},
		{Key: "places_left", Value: bson.D{{Key: "$gte", Value: oldPlaces - o.Places}}}}
	update := bson.D{{Key: "$set", Value: offerContent(o)}, {Key: "$inc", Value: bson.D{{Key: "places_left", Value: o.Places - oldPlaces}}}}
	return db.followModeration(ctx, *o, []domain.OfferStatus{status}, func() (bool, error) {
		res, err := db.offers().UpdateOne(ctx, filter, update)
		if err != nil {
			return false, mapError(err)
		}
		return res.MatchedCount == 1, nil
	})
}

func offerContent(o *domain.Offer) bson.D {
	return bson.D{{Key: "title", Value: o.Title}, {Key: "description", Value: o.Description},
		{Key: "rome_codes", Value: o.ROMECodes}, {Key: "subdomain", Value: o.Subdomain},
		{Key: "tension_family", Value: o.TensionFamily}, {Key: "commune_code", Value: o.CommuneCode},
		{Key: "address", Value: o.Address}, {Key: "lat", Value: o.Lat}, {Key: "lng", Value: o.Lng},
		{Key: "age_min", Value: o.AgeMin}, {Key: "age_max", Value: o.AgeMax}, {Key: "level", Value: o.Level},
		{Key: "start_date", Value: o.StartDate}, {Key: "end_date", Value: o.EndDate}, {Key: "weeks", Value: o.Weeks},
		{Key: "places", Value: o.Places},
		{Key: "accessible", Value: o.Accessible}, {Key: "remote", Value: o.Remote},
		{Key: "languages", Value: o.Languages}, {Key: "status", Value: o.Status},
		{Key: "published_at", Value: o.PublishedAt}, {Key: "reject_reason", Value: o.RejectReason},
		{Key: "updated_at", Value: o.UpdatedAt}}
}

// MoveOffer changes an offer's status if it is still in one of from, with
// what the change records (a reason, a publication date).
// An offer that becomes pending is read first, for its place in the
// moderation queue (see followModeration).
func (db *DB) MoveOffer(ctx context.Context, id string, from []domain.OfferStatus, to domain.OfferStatus, change domain.OfferChange) (bool, error) {
	o := domain.Offer{ID: id, Status: to}
	if to == domain.OfferPending {
		read, err := db.OfferByID(ctx, id)
		if err != nil {
			return false, err
		}
		o.CreatedAt = read.CreatedAt
	}
	return db.followModeration(ctx, o, from, func() (bool, error) {
		return moveStatus(ctx, db.offers(), id, from, to, offerChange(change))
	})
}

// Offers returns every offer the filter picks, for an export.
func (db *DB) Offers(ctx context.Context, f domain.OfferFilter) ([]domain.Offer, error) {
	return findAll[domain.Offer](ctx, db.offers(), offerFilter(f), options.Find().SetSort(offerOrder(f)))
}

// OffersPage returns one page of the offers the filter picks.
func (db *DB) OffersPage(ctx context.Context, f domain.OfferFilter, r domain.PageRequest) (domain.Page[domain.Offer], error) {
	switch {
	case f.OrganisationIDs != nil && f.Status == "" && !f.OldestFirst:
		return shelfPage(ctx, db, offersOfOrganisations, db.offers(), f.OrganisationIDs, r, func(o *domain.Offer) (string, string) { return o.ID, o.OrganisationID })
	case f.OrganisationIDs == nil && f.Status == domain.OfferPending && f.OldestFirst: // the moderation queue
		return shelfPage(ctx, db, offersAwaitingModeration, db.offers(), []string{offersAwaitingModeration.only}, r,
			func(o *domain.Offer) (string, string) { return o.ID, string(o.Status) })
	}
	return findPage[domain.Offer](ctx, db.offers(), offerFilter(f), offerOrder(f), r)
}

// PublishedOffersEndedBefore returns the published offers whose end date is
// before t, which expiry closes.
func (db *DB) PublishedOffersEndedBefore(ctx context.Context, t time.Time) ([]domain.Offer, error) {
	filter := bson.D{{Key: "status", Value: domain.OfferPublished}, {Key: "end_date", Value: bson.D{{Key: "$lt", Value: t}}}}
	return findAll[domain.Offer](ctx, db.offers(), filter)
}

// ExpireOffers moves the offers ids that are still published to expired in
// one update, and returns how many moved.
func (db *DB) ExpireOffers(ctx context.Context, ids []string, at time.Time) (int, error) {
	filter := bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: ids}}}, {Key: "status", Value: domain.OfferPublished}}
	update := bson.D{{Key: "$set", Value: bson.D{{Key: "status", Value: domain.OfferExpired}, {Key: "updated_at", Value: at}}}}
	res, err := db.offers().UpdateMany(ctx, filter, update)
	if err != nil {
		return 0, mapError(err)
	}
	return int(res.ModifiedCount), nil
}
