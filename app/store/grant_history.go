package store

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

const (
	grantVersionsCollection = "grant_versions"
	grantNotesCollection    = "grant_notes"
)

func (db *DB) grantVersions() *mongo.Collection { return db.db.Collection(grantVersionsCollection) }
func (db *DB) grantNotes() *mongo.Collection    { return db.db.Collection(grantNotesCollection) }

// InsertGrantVersion keeps a submitted version; its ID makes it unique.
func (db *DB) InsertGrantVersion(ctx context.Context, v domain.GrantVersion) error {
	_, err := db.grantVersions().InsertOne(ctx, v)
	return mapError(err)
}

// GrantVersions returns an application's versions, the first first.
func (db *DB) GrantVersions(ctx context.Context, grantID string) ([]domain.GrantVersion, error) {
	opts := options.Find().SetSort(bson.D{{Key: "version", Value: 1}})
	return findAll[domain.GrantVersion](ctx, db.grantVersions(), bson.D{{Key: "grant_id", Value: grantID}}, opts)
}

// InsertGrantNote adds an annotation or a message.
func (db *DB) InsertGrantNote(ctx context.Context, n domain.GrantNote) error {
	_, err := db.grantNotes().InsertOne(ctx, n)
	return mapError(err)
}

// GrantNotes returns an application's notes of the given kinds, oldest first.
func (db *DB) GrantNotes(ctx context.Context, grantID string, kinds ...domain.NoteKind) ([]domain.GrantNote, error) {
	filter := bson.D{{Key: "grant_id", Value: grantID}, {Key: "kind", Value: bson.D{{Key: "$in", Value: kinds}}}}
	opts := options.Find().SetSort(bson.D{{Key: "at", Value: 1}, {Key: "_id", Value: 1}})
	return findAll[domain.GrantNote](ctx, db.grantNotes(), filter, opts)
}
