package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/bson"

	"passerelle/app/domain"
)

// DraftGrants returns the drafts of these calls, in one query.
func (db *DB) DraftGrants(ctx context.Context, callIDs []string) ([]domain.GrantApplication, error) {
	filter := append(in("call_id", callIDs), bson.E{Key: "state", Value: domain.GrantDraft})
	return findAll[domain.GrantApplication](ctx, db.grants(), filter, oldestFirst)
}

// PendingReviews returns every review assigned and not yet submitted.
func (db *DB) PendingReviews(ctx context.Context) ([]domain.Review, error) {
	return findAll[domain.Review](ctx, db.reviews(), bson.D{{Key: "status", Value: domain.ReviewAssigned}})
}

// Youths returns every youth's profile.
func (db *DB) Youths(ctx context.Context) ([]domain.Youth, error) {
	return findAll[domain.Youth](ctx, db.youths(), bson.D{})
}

// OffersPublishedSince returns the published offers whose publication is
// at or after since.
func (db *DB) OffersPublishedSince(ctx context.Context, since time.Time) ([]domain.Offer, error) {
	return findAll[domain.Offer](ctx, db.offers(), bson.D{{Key: "status", Value: domain.OfferPublished},
		{Key: "published_at", Value: bson.D{{Key: "$gte", Value: since}}}})
}
