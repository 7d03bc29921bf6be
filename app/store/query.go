package store

import (
	"context"
	"slices"

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
// pushes down to SQLite; the embedded database's document cache may serve
// it without a round trip (docCache).
func findByID[T any](ctx context.Context, db *DB, coll *mongo.Collection, id, notFoundKey string) (*T, error) {
	var doc T
	found, err := decodeByID(ctx, db, coll, id, &doc)
	if err == nil && !found {
		err = mongo.ErrNoDocuments
	}
	if err != nil {
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
	total, err := coll.CountDocuments(ctx, filter)
	if err != nil {
		return domain.Page[T]{Page: r.Number, PerPage: r.Size, Items: []T{}}, mapError(err)
	}
	p, r, more := startPage[T](int(total), r)
	if !more {
		return p, nil
	}
	opts = append(opts, options.Find().SetSort(sort).SetSkip(int64(r.Offset())).SetLimit(int64(r.Size)))
	p.Items, err = findAll[T](ctx, coll, filter, opts...)
	return p, err
}

// startPage is the page r asks of a list of total items, with r as read:
// the last page when asked past the end, if r says so. more tells whether
// the page has items to read.
func startPage[T any](total int, r domain.PageRequest) (p domain.Page[T], read domain.PageRequest, more bool) {
	r = r.Within(total)
	return domain.Page[T]{Page: r.Number, PerPage: r.Size, Items: []T{}, Total: total}, r, r.Offset() < total
}

// byIDsOneByOne is how many ids findByIDs reads one at a time on the
// embedded database before a single scan costs less.
const byIDsOneByOne = 100

// findByIDs decodes the documents with these ids (unknown ones left out,
// each once), in no order. MongoDB answers `$in` on _id from its index in
// one round trip; FerretDB pushes only a filter of exactly {_id} down to
// SQLite and decodes the whole collection for `$in` (0.2–1.3 s at scale 20
// against about 1 ms per _id lookup), so on the embedded database a short
// list is read one _id at a time, the cached documents without a round
// trip (docCache).
func findByIDs[T any](ctx context.Context, db *DB, coll *mongo.Collection, ids []string) ([]T, error) {
	if len(ids) == 0 {
		return []T{}, nil
	}
	ids = slices.Compact(slices.Sorted(slices.Values(ids)))
	if db.ferret == nil || len(ids) > byIDsOneByOne {
		return findAll[T](ctx, coll, bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: ids}}}})
	}
	docs := make([]T, 0, len(ids))
	for _, id := range ids {
		var doc T
		found, err := decodeByID(ctx, db, coll, id, &doc)
		if err != nil {
			return nil, mapError(err)
		}
		if found {
			docs = append(docs, doc)
		}
	}
	return docs, nil
}
