package store

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"

	"passerelle/app/domain"
)

const usersCollection = "users"

func (db *DB) users() *mongo.Collection { return db.db.Collection(usersCollection) }

// InsertUsers inserts users in one round trip; a taken email is a conflict.
func (db *DB) InsertUsers(ctx context.Context, users []domain.User) error {
	return insertAll(ctx, db.users(), users)
}

// UserByEmail returns the user with exactly this email (callers normalise it).
func (db *DB) UserByEmail(ctx context.Context, email string) (*domain.User, error) {
	var u domain.User
	err := db.users().FindOne(ctx, bson.D{{Key: "email", Value: email}}).Decode(&u)
	if err != nil {
		return nil, notFoundAs(err, "error.user.not_found")
	}
	return &u, nil
}
