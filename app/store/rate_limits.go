package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo/options"
)

const rateLimitsCollection = "rate_limits"

// HitRateLimit counts one attempt in the counter named key (which names its
// window too) and returns the count so far. One single-document upsert with
// $inc counts, so every replica shares the counters.
func (db *DB) HitRateLimit(ctx context.Context, key string, expiresAt time.Time) (int, error) {
	var counter struct {
		Count int `bson:"count"`
	}
	update := bson.D{
		{Key: "$inc", Value: bson.D{{Key: "count", Value: 1}}},
		{Key: "$setOnInsert", Value: bson.D{{Key: "expires_at", Value: expiresAt}}},
	}
	opts := options.FindOneAndUpdate().SetUpsert(true).SetReturnDocument(options.After)
	err := db.db.Collection(rateLimitsCollection).FindOneAndUpdate(ctx, bson.D{{Key: "_id", Value: key}}, update, opts).Decode(&counter)
	return counter.Count, mapError(err)
}

// PurgeRateLimits deletes the counters whose window ended before now.
func (db *DB) PurgeRateLimits(ctx context.Context, now time.Time) (int64, error) {
	res, err := db.db.Collection(rateLimitsCollection).DeleteMany(ctx, bson.D{{Key: "expires_at", Value: bson.D{{Key: "$lt", Value: now}}}})
	if err != nil {
		return 0, mapError(err)
	}
	return res.DeletedCount, nil
}
