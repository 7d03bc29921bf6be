package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"

	"passerelle/app/domain"
)

const reviewsCollection = "reviews"

func (db *DB) reviews() *mongo.Collection { return db.db.Collection(reviewsCollection) }

// InsertReviews records assignments in one round trip; assigning the same
// reviewer twice to a file is a conflict (the review ID is unique).
func (db *DB) InsertReviews(ctx context.Context, reviews []domain.Review) error {
	return insertAll(ctx, db.reviews(), reviews)
}

// ReviewByID returns one review.
func (db *DB) ReviewByID(ctx context.Context, id string) (*domain.Review, error) {
	return findByID[domain.Review](ctx, db, db.reviews(), id, "error.review.not_found")
}

// ReviewsByGrant returns the reviews of one application.
func (db *DB) ReviewsByGrant(ctx context.Context, grantID string) ([]domain.Review, error) {
	return findAll[domain.Review](ctx, db.reviews(), bson.D{{Key: "grant_id", Value: grantID}})
}

// ReviewsByCall returns every review of a call's applications.
func (db *DB) ReviewsByCall(ctx context.Context, callID string) ([]domain.Review, error) {
	return findAll[domain.Review](ctx, db.reviews(), bson.D{{Key: "call_id", Value: callID}})
}

// ReviewsByReviewer returns what is assigned to a reviewer.
func (db *DB) ReviewsByReviewer(ctx context.Context, reviewerID string) ([]domain.Review, error) {
	return findAll[domain.Review](ctx, db.reviews(), bson.D{{Key: "reviewer_id", Value: reviewerID}})
}

// DeclareConflict withdraws a reviewer from a file not yet reviewed.
func (db *DB) DeclareConflict(ctx context.Context, id, reason string) error {
	set := bson.D{{Key: "status", Value: domain.ReviewConflict}, {Key: "conflict_reason", Value: reason}}
	return db.updateAssignedReview(ctx, id, set)
}

// SubmitReview records scores once: a submitted review cannot change.
func (db *DB) SubmitReview(ctx context.Context, r domain.Review, at time.Time) error {
	set := bson.D{
		{Key: "status", Value: domain.ReviewSubmitted}, {Key: "scores", Value: r.Scores},
		{Key: "comment", Value: r.Comment}, {Key: "recommendation", Value: r.Recommendation},
		{Key: "submitted_at", Value: at},
	}
	return db.updateAssignedReview(ctx, r.ID, set)
}

func (db *DB) updateAssignedReview(ctx context.Context, id string, set bson.D) error {
	filter := bson.D{{Key: "_id", Value: id}, {Key: "status", Value: domain.ReviewAssigned}}
	res, err := db.reviews().UpdateOne(ctx, filter, bson.D{{Key: "$set", Value: set}})
	if err == nil && res.MatchedCount == 0 {
		return &domain.Error{Code: domain.ECONFLICT, Message: "error.review.closed"}
	}
	return mapError(err)
}
