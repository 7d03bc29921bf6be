package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

const callsCollection = "calls"

func (db *DB) calls() *mongo.Collection { return db.db.Collection(callsCollection) }

// InsertCalls inserts PROGR'ESS calls in one round trip.
func (db *DB) InsertCalls(ctx context.Context, calls []domain.Call) error {
	return insertAll(ctx, db.calls(), calls)
}

// OpenCalls returns the calls accepting applications at instant now, the
// earliest opened first.
func (db *DB) OpenCalls(ctx context.Context, now time.Time) ([]domain.Call, error) {
	filter := bson.D{
		{Key: "opens_at", Value: bson.D{{Key: "$lte", Value: now}}},
		{Key: "closes_at", Value: bson.D{{Key: "$gt", Value: now}}},
	}
	opts := options.Find().SetSort(bson.D{{Key: "opens_at", Value: 1}, {Key: "_id", Value: 1}})
	return findAll[domain.Call](ctx, db.calls(), filter, opts)
}
