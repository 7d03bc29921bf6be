package store

import (
	"context"
	"sync"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
)

var MapError = mapError

// SetUserEmailRaw changes a user's email with a bare driver call, so tests see
// the driver's own error before mapping.
func (db *DB) SetUserEmailRaw(ctx context.Context, id, email string) error {
	_, err := db.users().UpdateOne(ctx, bson.D{{Key: "_id", Value: id}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "email", Value: email}}}})
	return err
}

// AppliedMigrations returns the migrations collection, id → applied_at.
func (db *DB) AppliedMigrations(ctx context.Context) (map[string]any, error) {
	rows, err := findAll[bson.M](ctx, db.db.Collection(migrationsCollection), bson.D{})
	applied := make(map[string]any, len(rows))
	for _, r := range rows {
		applied[r["_id"].(string)] = r["applied_at"]
	}
	return applied, err
}

// MigrationCount is the number of migrations the code knows.
func MigrationCount() int { return len(migrations) }

// IndexNames returns the names of a collection's indexes.
func (db *DB) IndexNames(ctx context.Context, collection string) ([]string, error) {
	cur, err := db.db.Collection(collection).Indexes().List(ctx)
	if err != nil {
		return nil, err
	}
	var specs []struct {
		Name string `bson:"name"`
	}
	err = cur.All(ctx, &specs)
	names := make([]string, len(specs))
	for i, s := range specs {
		names[i] = s.Name
	}
	return names, err
}

// Collection is a collection for bare driver calls: tests write as any
// code of the process would, through the command monitor.
func (db *DB) Collection(name string) *mongo.Collection { return db.db.Collection(name) }

// WriteBeforeKeeping runs write once, when the next document read from the
// database is about to be kept in the document cache.
func (db *DB) WriteBeforeKeeping(write func()) {
	var once sync.Once
	db.docs.beforeKeep = func() { once.Do(write) }
}
