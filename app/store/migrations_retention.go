package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
)

// markClosedCalls marks closed the calls that closed before the closing job
// existed, so that its first run does not tell their drafts' editors again.
func markClosedCalls(ctx context.Context, db *mongo.Database) error {
	now := time.Now()
	filter := bson.D{{Key: "closes_at", Value: bson.D{{Key: "$lte", Value: now}}},
		{Key: "closed_at", Value: bson.D{{Key: "$exists", Value: false}}}}
	_, err := db.Collection(callsCollection).UpdateMany(ctx, filter, bson.D{{Key: "$set", Value: bson.D{{Key: "closed_at", Value: now}}}})
	return err
}

// markUnknownSignIns starts the inactivity of accounts whose last sign-in
// was never recorded at the migration: anonymising them on the account's
// creation date would erase people who still use the platform.
func markUnknownSignIns(ctx context.Context, db *mongo.Database) error {
	filter := bson.D{{Key: "last_sign_in_at", Value: bson.D{{Key: "$exists", Value: false}}}}
	_, err := db.Collection(usersCollection).UpdateMany(ctx, filter,
		bson.D{{Key: "$set", Value: bson.D{{Key: "last_sign_in_at", Value: time.Now()}}}})
	return err
}
