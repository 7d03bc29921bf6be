package store

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
)

// TakePlace gives one of an offer's places to an accepted application, in one
// atomic conditional update: at most Places applications ever hold one,
// whatever the concurrency, and taking it again for the same application
// changes nothing. It reports whether the application now holds a place.
func (db *DB) TakePlace(ctx context.Context, offerID, applicationID string) (bool, error) {
	filter := bson.D{{Key: "_id", Value: offerID}, {Key: "places_left", Value: bson.D{{Key: "$gte", Value: 1}}},
		{Key: "accepted_ids", Value: bson.D{{Key: "$ne", Value: applicationID}}}}
	update := bson.D{{Key: "$inc", Value: bson.D{{Key: "places_left", Value: -1}}},
		{Key: "$push", Value: bson.D{{Key: "accepted_ids", Value: applicationID}}}}
	res, err := db.offers().UpdateOne(ctx, filter, update)
	if err != nil {
		return false, mapError(err)
	}
	if res.MatchedCount == 1 {
		return true, nil
	}
	return db.holdsPlace(ctx, offerID, applicationID)
}

func (db *DB) holdsPlace(ctx context.Context, offerID, applicationID string) (bool, error) {
	n, err := db.offers().CountDocuments(ctx, bson.D{{Key: "_id", Value: offerID}, {Key: "accepted_ids", Value: applicationID}})
	return n == 1, mapError(err)
}

// ReleasePlace gives back the place an application holds, if it holds one.
func (db *DB) ReleasePlace(ctx context.Context, offerID, applicationID string) error {
	filter := bson.D{{Key: "_id", Value: offerID}, {Key: "accepted_ids", Value: applicationID}}
	update := bson.D{{Key: "$inc", Value: bson.D{{Key: "places_left", Value: 1}}},
		{Key: "$pull", Value: bson.D{{Key: "accepted_ids", Value: applicationID}}}}
	_, err := db.offers().UpdateOne(ctx, filter, update)
	return mapError(err)
}
