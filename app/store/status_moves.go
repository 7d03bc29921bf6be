package store

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
)

// moveStatus sets the status of document id to `to`, with the fields in set,
// only if its status is still one of from: one atomic conditional update, so
// that two concurrent moves never both apply. It reports whether it applied.
func moveStatus[S ~string](ctx context.Context, coll *mongo.Collection, id string, from []S, to S, set bson.D) (bool, error) {
	filter := bson.D{{Key: "_id", Value: id}, {Key: "status", Value: bson.D{{Key: "$in", Value: from}}}}
	fields := append(bson.D{{Key: "status", Value: to}}, set...)
	res, err := coll.UpdateOne(ctx, filter, bson.D{{Key: "$set", Value: fields}})
	if err != nil {
		return false, mapError(err)
	}
	return res.MatchedCount == 1, nil
}
