package store

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

// insertAll inserts docs in one InsertMany round trip (FerretDB writes them
// in one SQLite transaction per batch); no docs is no-op.
func insertAll[T any](ctx context.Context, coll *mongo.Collection, docs []T) error {
	if len(docs) == 0 {
		return nil
	}
	batch := make([]any, len(docs))
	for i := range docs {
		batch[i] = docs[i]
	}
	_, err := coll.InsertMany(ctx, batch)
	return mapError(err)
}

// findByID returns the document with _id id, or a not-found error with
// message key notFoundKey. A filter of exactly {_id} is the only one FerretDB
// pushes down to SQLite.
func findByID[T any](ctx context.Context, coll *mongo.Collection, id, notFoundKey string) (*T, error) {
	var doc T
	if err := coll.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&doc); err != nil {
		return nil, notFoundAs(err, notFoundKey)
	}
	return &doc, nil
}

// findAll decodes every document matching filter.
func findAll[T any](ctx context.Context, coll *mongo.Collection, filter any, opts ...*options.FindOptions) ([]T, error) {
	cur, err := coll.Find(ctx, filter, opts...)
	if err != nil {
		return nil, mapError(err)
	}
	docs := []T{}
	if err := cur.All(ctx, &docs); err != nil {
		return nil, mapError(err)
	}
	return docs, nil
}

// findPage reads one page of the documents matching filter in the order of
// sort: a count and a find with skip and limit, two round trips whatever
// the size of the collection. opts add to the find (a projection).
func findPage[T any](ctx context.Context, coll *mongo.Collection, filter, sort bson.D, r domain.PageRequest, opts ...*options.FindOptions) (domain.Page[T], error) {
	p := domain.Page[T]{Page: r.Number, PerPage: r.Size, Items: []T{}}
	total, err := coll.CountDocuments(ctx, filter)
	if err != nil {
		return p, mapError(err)
	}
	p.Total = int(total)
	if r.LastWhenPast && r.Number > p.Pages() {
		r.Number = p.Pages()
		p.Page = r.Number
	}
	if r.Offset() >= p.Total {
		return p, nil
	}
	opts = append(opts, options.Find().SetSort(sort).SetSkip(int64(r.Offset())).SetLimit(int64(r.Size)))
	p.Items, err = findAll[T](ctx, coll, filter, opts...)
	return p, err
}
