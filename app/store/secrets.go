package store

import (
	"context"
	"crypto/rand"

	"go.mongodb.org/mongo-driver/bson"
)

const secretsCollection = "secrets"

// Secret returns the random key named name, creating it on first use. Every
// replica reads the same key, so that what one signs another can check.
func (db *DB) Secret(ctx context.Context, name string) ([]byte, error) {
	coll := db.db.Collection(secretsCollection)
	fresh := make([]byte, 32)
	if _, err := rand.Read(fresh); err != nil {
		return nil, err
	}
	_, err := coll.InsertOne(ctx, bson.D{{Key: "_id", Value: name}, {Key: "key", Value: fresh}})
	if err != nil && !isConflict(err) {
		return nil, mapError(err)
	}
	var doc struct {
		Key []byte `bson:"key"`
	}
	err = coll.FindOne(ctx, bson.D{{Key: "_id", Value: name}}).Decode(&doc)
	return doc.Key, mapError(err)
}
