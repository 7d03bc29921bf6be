package store

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

const awardsCollection = "awards"

func (db *DB) awards() *mongo.Collection { return db.db.Collection(awardsCollection) }

// CommitAward reserves amount of the call's budget for an application in one
// conditional update of the call: it matches only while the call still has
// this budget, enough of it remains and the application is not yet funded.
// It reports false when the application was already funded (nothing
// changes: retrying is safe) and a budget error when the amount does not fit.
// Application IDs are made of letters, digits and dashes, so they are safe
// as field names of award_amounts.
func (db *DB) CommitAward(ctx context.Context, call *domain.Call, grantID string, amount domain.Money) (bool, error) {
	filter := bson.D{
		{Key: "_id", Value: call.ID},
		{Key: "budget", Value: call.Budget},
		{Key: "committed", Value: bson.D{{Key: "$lte", Value: call.Budget - amount}}},
		{Key: "awarded_ids", Value: bson.D{{Key: "$ne", Value: grantID}}},
	}
	update := bson.D{
		{Key: "$inc", Value: bson.D{{Key: "committed", Value: amount}}},
		{Key: "$push", Value: bson.D{{Key: "awarded_ids", Value: grantID}}},
		{Key: "$set", Value: bson.D{{Key: "award_amounts." + grantID, Value: amount}}},
	}
	res, err := db.calls().UpdateOne(ctx, filter, update)
	if err != nil || res.MatchedCount == 1 {
		return err == nil, mapError(err)
	}
	return false, db.whyNotCommitted(ctx, call.ID, grantID)
}

// whyNotCommitted tells an application already funded (nil) from a budget
// that does not allow the amount.
func (db *DB) whyNotCommitted(ctx context.Context, callID, grantID string) error {
	n, err := db.calls().CountDocuments(ctx, bson.D{{Key: "_id", Value: callID}, {Key: "awarded_ids", Value: grantID}})
	if err != nil || n == 1 {
		return mapError(err)
	}
	return domain.FieldError("amount", "error.award.over_budget")
}

// RecordAward stores the award once: a second record of the same
// application keeps the first.
func (db *DB) RecordAward(ctx context.Context, a domain.Award) error {
	update := bson.D{{Key: "$setOnInsert", Value: a}}
	_, err := db.awards().UpdateOne(ctx, bson.D{{Key: "_id", Value: a.ID}}, update, options.Update().SetUpsert(true))
	return mapError(err)
}

// SetAwardDate records when an award's agreement was signed or it was paid
// (field agreement_signed_at or paid_at).
func (db *DB) SetAwardDate(ctx context.Context, grantID, field string, at any) error {
	_, err := db.awards().UpdateOne(ctx, bson.D{{Key: "_id", Value: grantID}}, bson.D{{Key: "$set", Value: bson.D{{Key: field, Value: at}}}})
	return mapError(err)
}

// AwardsByCall returns a call's awards, the earliest decided first.
func (db *DB) AwardsByCall(ctx context.Context, callID string) ([]domain.Award, error) {
	opts := options.Find().SetSort(bson.D{{Key: "decided_at", Value: 1}})
	return findAll[domain.Award](ctx, db.awards(), bson.D{{Key: "call_id", Value: callID}}, opts)
}
