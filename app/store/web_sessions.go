package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"

	"passerelle/app/domain"
)

const webSessionsCollection = "web_sessions"

func (db *DB) webSessions() *mongo.Collection { return db.db.Collection(webSessionsCollection) }

// InsertWebSession records a signed-in browser.
func (db *DB) InsertWebSession(ctx context.Context, s domain.WebSession) error {
	_, err := db.webSessions().InsertOne(ctx, s)
	return mapError(err)
}

// WebSessionByID returns the session whose id (the token's hash) is id.
func (db *DB) WebSessionByID(ctx context.Context, id string) (*domain.WebSession, error) {
	return findByID[domain.WebSession](ctx, db, db.webSessions(), id, "error.auth.signed_out")
}

// DeleteWebSession ends one session; ending an ended session is no error.
func (db *DB) DeleteWebSession(ctx context.Context, id string) error {
	_, err := db.webSessions().DeleteOne(ctx, bson.D{{Key: "_id", Value: id}})
	return mapError(err)
}

// DeleteUserWebSessions ends every session of a user: "sign out everywhere".
func (db *DB) DeleteUserWebSessions(ctx context.Context, userID string) error {
	_, err := db.webSessions().DeleteMany(ctx, bson.D{{Key: "user_id", Value: userID}})
	return mapError(err)
}

// UserWebSessions lists the sessions of a user, for their account page.
func (db *DB) UserWebSessions(ctx context.Context, userID string) ([]domain.WebSession, error) {
	return findAll[domain.WebSession](ctx, db.webSessions(), bson.D{{Key: "user_id", Value: userID}})
}

// PurgeExpiredWebSessions deletes the sessions expired before now, which no
// request can use any more; FerretDB has no TTL index to do it.
func (db *DB) PurgeExpiredWebSessions(ctx context.Context, now time.Time) (int64, error) {
	res, err := db.webSessions().DeleteMany(ctx, bson.D{{Key: "expires_at", Value: bson.D{{Key: "$lt", Value: now}}}})
	if err != nil {
		return 0, mapError(err)
	}
	return res.DeletedCount, nil
}
