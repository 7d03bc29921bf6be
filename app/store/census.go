package store

import (
	"context"
	"crypto/sha256"
	"fmt"

	"go.mongodb.org/mongo-driver/bson"
)

// Census returns, for every collection, its number of documents and a digest
// of the documents whose _id is one of ids: what tests compare before and
// after a refused request to prove it wrote nothing.
func (db *DB) Census(ctx context.Context, ids ...string) (map[string]string, error) {
	names, err := db.db.ListCollectionNames(ctx, bson.D{})
	if err != nil {
		return nil, mapError(err)
	}
	census := map[string]string{}
	for _, name := range names {
		coll := db.db.Collection(name)
		n, err := coll.CountDocuments(ctx, bson.D{})
		if err != nil {
			return nil, mapError(err)
		}
		sum := sha256.New()
		if len(ids) > 0 {
			cur, err := coll.Find(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: ids}}}})
			if err != nil {
				return nil, mapError(err)
			}
			for cur.Next(ctx) {
				sum.Write(cur.Current)
			}
			if err := cur.Close(ctx); err != nil {
				return nil, mapError(err)
			}
		}
		census[name] = fmt.Sprintf("%d documents, %x", n, sum.Sum(nil)[:8])
	}
	return census, nil
}
