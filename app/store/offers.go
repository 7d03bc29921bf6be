package store

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

const offersCollection = "offers"

func (db *DB) offers() *mongo.Collection { return db.db.Collection(offersCollection) }

// InsertOffers inserts offers in one round trip.
func (db *DB) InsertOffers(ctx context.Context, offers []domain.Offer) error {
	if err := db.shelveOffers(ctx, offers); err != nil {
		return err
	}
	return insertAll(ctx, db.offers(), offers)
}

// OfferByID returns the offer with this id.
func (db *DB) OfferByID(ctx context.Context, id string) (*domain.Offer, error) {
	return findByID[domain.Offer](ctx, db, db.offers(), id, "error.offer.not_found")
}

// LatestPublishedOffers returns at most limit published offers, newest first.
func (db *DB) LatestPublishedOffers(ctx context.Context, limit int) ([]domain.Offer, error) {
	filter := bson.D{{Key: "status", Value: domain.OfferPublished}}
	opts := options.Find().SetSort(bson.D{{Key: "published_at", Value: -1}, {Key: "_id", Value: 1}}).
		SetLimit(int64(limit))
	return findAll[domain.Offer](ctx, db.offers(), filter, opts)
}
