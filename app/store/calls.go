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

// CallByID returns one call.
func (db *DB) CallByID(ctx context.Context, id string) (*domain.Call, error) {
	return findByID[domain.Call](ctx, db, db.calls(), id, "error.call.not_found")
}

// Calls returns every call, the latest opening first.
func (db *DB) Calls(ctx context.Context) ([]domain.Call, error) {
	opts := options.Find().SetSort(bson.D{{Key: "opens_at", Value: -1}, {Key: "_id", Value: 1}})
	return findAll[domain.Call](ctx, db.calls(), bson.D{}, opts)
}

// SaveCall creates or edits a call without touching its committed budget
// and awards; a budget below what is already committed is refused, in the
// same conditional update.
func (db *DB) SaveCall(ctx context.Context, c domain.Call) error {
	filter := bson.D{{Key: "_id", Value: c.ID}, {Key: "committed", Value: bson.D{{Key: "$lte", Value: c.Budget}}}}
	update := bson.D{
		{Key: "$set", Value: editableCallFields(c)},
		{Key: "$setOnInsert", Value: bson.D{{Key: "committed", Value: domain.Money(0)}, {Key: "awarded_ids", Value: bson.A{}},
			{Key: "award_amounts", Value: bson.D{}}, {Key: "created_at", Value: c.CreatedAt}}},
	}
	_, err := db.calls().UpdateOne(ctx, filter, update, options.Update().SetUpsert(true))
	if isConflict(err) { // the upsert collided with the existing call: its budget is too low
		return domain.FieldError("budget", "error.call.budget_below_committed")
	}
	return mapError(err)
}

func editableCallFields(c domain.Call) bson.D {
	return bson.D{
		{Key: "title", Value: c.Title}, {Key: "theme", Value: c.Theme}, {Key: "rules", Value: c.Rules},
		{Key: "budget", Value: c.Budget}, {Key: "max_award", Value: c.MaxAward},
		{Key: "opens_at", Value: c.OpensAt}, {Key: "closes_at", Value: c.ClosesAt},
		{Key: "legal_forms", Value: c.LegalForms}, {Key: "territory", Value: c.Territory},
		{Key: "criteria", Value: c.Criteria}, {Key: "axes", Value: c.Axes},
		{Key: "required_documents", Value: c.RequiredDocuments}, {Key: "min_reviewers", Value: c.MinReviewers},
		{Key: "disagreement_spread", Value: c.DisagreementSpread},
		{Key: "laureates_published", Value: c.LaureatesPublished}, {Key: "updated_at", Value: c.UpdatedAt},
	}
}

// CloseCall records that the call was closed at its closing instant
// closesAt, unless the closing was moved meanwhile.
func (db *DB) CloseCall(ctx context.Context, id string, closesAt, at time.Time) error {
	filter := bson.D{{Key: "_id", Value: id}, {Key: "closes_at", Value: closesAt}}
	_, err := db.calls().UpdateOne(ctx, filter, bson.D{{Key: "$set", Value: bson.D{{Key: "closed_at", Value: at}}}})
	return mapError(err)
}
