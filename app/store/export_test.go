package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
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

// ShelfChunk is how many items a shelf document holds.
const ShelfChunk = shelfChunk

// CounsellorShelfSizes returns the number of items of each document of a
// counsellor's bookings shelf, the head first.
func (db *DB) CounsellorShelfSizes(ctx context.Context, counsellorID string) ([]int, error) {
	head := bookingsOfCounsellors.id(counsellorID)
	docs, err := readShelfDocs(ctx, db.shelves(), []string{head})
	if err != nil {
		return nil, err
	}
	sizes := make([]int, docs[head].chunks())
	for k := range sizes {
		d, err := readShelfDocs(ctx, db.shelves(), []string{chunkID(head, k)})
		if err != nil {
			return nil, err
		}
		sizes[k] = len(d[chunkID(head, k)].Items)
	}
	return sizes, nil
}

// ShelveAsOneDocument writes a counsellor's bookings shelf as it was before
// chunks, one document, then applies the migration that cuts it.
func (db *DB) ShelveAsOneDocument(ctx context.Context, counsellorID string, bookings []domain.Booking) error {
	items := bson.D{}
	for _, b := range bookings {
		items = append(items, bson.E{Key: strings.TrimPrefix(itemField(b.ID), "items."), Value: shelved{ID: b.ID, CreatedAt: b.CreatedAt}})
	}
	_, err := db.shelves().InsertOne(ctx, bson.D{{Key: "_id", Value: bookingsOfCounsellors.id(counsellorID)}, {Key: "items", Value: items}})
	if err != nil {
		return err
	}
	return insertAll(ctx, db.bookings(), bookings)
}

// SplitShelves applies migration 0116_shelves_in_chunks again.
func (db *DB) SplitShelves(ctx context.Context) error { return splitShelves(ctx, db.db) }

// ShelfDocumentWrite sets n items (n > 0) or item i alone (n == 0) on the
// shelf document id, as shelving does; ShelfDocumentRead reads it by _id.
func (db *DB) ShelfDocumentWrite(ctx context.Context, id string, n, i int) error {
	var items bson.D
	for j := range max(n, 1) {
		k := j + i
		items = append(items, bson.E{Key: itemField(fmt.Sprint("booking-", k)), Value: shelved{ID: fmt.Sprint("booking-", k), CreatedAt: time.Now()}})
	}
	_, err := db.shelves().UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, bson.D{{Key: "$set", Value: items}}, options.Update().SetUpsert(true))
	return err
}

func (db *DB) ShelfDocumentRead(ctx context.Context, id string) error {
	_, err := findByIDs[shelfDoc](ctx, db, db.shelves(), []string{id})
	return err
}
