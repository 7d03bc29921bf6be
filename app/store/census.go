package store

import (
	"context"
	"crypto/sha256"
	"fmt"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo/options"
)

// Census returns, for every collection, its number of documents and a digest
// of all of them: what tests compare before and after a refused request to
// prove it wrote nothing. It reads whole collections, so it is for the small
// worlds of tests only; one query per collection keeps it cheap there.
func (db *DB) Census(ctx context.Context) (map[string]string, error) {
	names, err := db.db.ListCollectionNames(ctx, bson.D{})
	if err != nil {
		return nil, mapError(err)
	}
	census := map[string]string{}
	for _, name := range names {
		if name == versionsCollection {
			// Bookkeeping of the read models, bumped in the background after
			// any earlier write: not the platform's data.
			continue
		}
		cur, err := db.db.Collection(name).Find(ctx, bson.D{}, options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}))
		if err != nil {
			return nil, mapError(err)
		}
		sum, n := sha256.New(), 0
		for cur.Next(ctx) {
			sum.Write(cur.Current)
			n++
		}
		if err := cur.Close(ctx); err != nil {
			return nil, mapError(err)
		}
		census[name] = fmt.Sprintf("%d documents, %x", n, sum.Sum(nil)[:8])
	}
	return census, nil
}
