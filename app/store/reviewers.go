package store

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

// ReviewerPool returns the users who may be assigned files to review, by name.
func (db *DB) ReviewerPool(ctx context.Context) ([]domain.User, error) {
	opts := options.Find().SetSort(bson.D{{Key: "name", Value: 1}, {Key: "_id", Value: 1}})
	return findAll[domain.User](ctx, db.users(), bson.D{{Key: "roles", Value: domain.RoleReviewer}}, opts)
}
