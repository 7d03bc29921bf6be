package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"

	"passerelle/app/domain"
)

const tokensCollection = "tokens"

func (db *DB) tokens() *mongo.Collection { return db.db.Collection(tokensCollection) }

// InsertToken stores a one-time token (by its hash).
func (db *DB) InsertToken(ctx context.Context, t domain.Token) error {
	_, err := db.tokens().InsertOne(ctx, t)
	return mapError(err)
}

// TakeToken deletes the token with this id and returns it: one
// single-document delete decides, so a token is used at most once even when
// two requests race. Expiry is the caller's check.
func (db *DB) TakeToken(ctx context.Context, id string) (*domain.Token, error) {
	var t domain.Token
	err := db.tokens().FindOneAndDelete(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&t)
	if err != nil {
		return nil, notFoundAs(err, "error.token.invalid")
	}
	return &t, nil
}

// DeleteUserTokens removes every pending token of a user of one purpose,
// e.g. older reset links once the password changed.
func (db *DB) DeleteUserTokens(ctx context.Context, userID string, purpose domain.TokenPurpose) error {
	_, err := db.tokens().DeleteMany(ctx, bson.D{{Key: "user_id", Value: userID}, {Key: "purpose", Value: purpose}})
	return mapError(err)
}

// DeleteAllUserTokens removes every pending token of a user.
func (db *DB) DeleteAllUserTokens(ctx context.Context, userID string) error {
	_, err := db.tokens().DeleteMany(ctx, bson.D{{Key: "user_id", Value: userID}})
	return mapError(err)
}

// PurgeExpiredTokens deletes the links expired before now.
func (db *DB) PurgeExpiredTokens(ctx context.Context, now time.Time) (int64, error) {
	res, err := db.tokens().DeleteMany(ctx, bson.D{{Key: "expires_at", Value: bson.D{{Key: "$lt", Value: now}}}})
	if err != nil {
		return 0, mapError(err)
	}
	return res.DeletedCount, nil
}
