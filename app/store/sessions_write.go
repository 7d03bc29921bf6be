package store

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

// InsertSession saves a new visit session.
func (db *DB) InsertSession(ctx context.Context, s *domain.VisitSession) error {
	_, err := db.sessions().InsertOne(ctx, s)
	return mapError(err)
}

// SessionsOfOffers returns the sessions of the given offers, soonest first,
// in one query.
func (db *DB) SessionsOfOffers(ctx context.Context, offerIDs []string) ([]domain.VisitSession, error) {
	filter := bson.D{{Key: "offer_id", Value: bson.D{{Key: "$in", Value: offerIDs}}}}
	opts := options.Find().SetSort(bson.D{{Key: "starts_at", Value: 1}, {Key: "_id", Value: 1}})
	return findAll[domain.VisitSession](ctx, db.sessions(), filter, opts)
}
