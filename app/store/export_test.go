package store

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/event"
	"go.mongodb.org/mongo-driver/mongo"
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

// InsertUnshelved stores docs in collection with a bare driver call, as
// they were saved before their shelf existed.
func (db *DB) InsertUnshelved(ctx context.Context, collection string, docs ...any) error {
	_, err := db.db.Collection(collection).InsertMany(ctx, docs)
	return err
}

// ApplyMigration runs the migration with this id again.
func (db *DB) ApplyMigration(ctx context.Context, id string) error {
	for _, m := range migrations {
		if m.id == id {
			return m.apply(ctx, db.db)
		}
	}
	return fmt.Errorf("no migration %s", id)
}

// Filters records the filters of the commands run through the DB that
// WithFilterLog returns, as "find favourites {…}".
type Filters struct {
	mu    sync.Mutex
	lines []string
}

// NotByID returns the recorded commands whose filter is anything but
// {_id: value}, which the embedded database answers only by decoding the
// whole collection, and clears the record.
func (f *Filters) NotByID() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var bad []string
	for _, l := range f.lines {
		if !strings.HasPrefix(l, "ok ") {
			bad = append(bad, l)
		}
	}
	f.lines = nil
	return bad
}

func (f *Filters) record(e *event.CommandStartedEvent) {
	collection, _ := e.Command.Lookup(e.CommandName).StringValueOK()
	var filters []bson.Raw
	switch e.CommandName {
	case "find", "count", "findAndModify", "distinct":
		q, ok := e.Command.Lookup("filter").DocumentOK()
		if !ok {
			q, _ = e.Command.Lookup("query").DocumentOK()
		}
		filters = append(filters, q)
	case "update", "delete":
		key := map[string]string{"update": "updates", "delete": "deletes"}[e.CommandName]
		all, _ := e.Command.Lookup(key).Array().Values()
		for _, v := range all {
			filters = append(filters, v.Document().Lookup("q").Document())
		}
	case "aggregate":
		filters = append(filters, nil) // a pipeline reads the collection
	default:
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, q := range filters {
		line := e.CommandName + " " + collection + " " + q.String()
		if els, _ := q.Elements(); len(els) == 1 && els[0].Key() == "_id" && els[0].Value().Type != bson.TypeEmbeddedDocument {
			line = "ok " + line
		}
		f.lines = append(f.lines, line)
	}
}

// WithFilterLog returns a DB over the same database, through a client of
// its own whose commands' filters are recorded (the store's own command
// monitor counts commands; a test needs what they read).
func (db *DB) WithFilterLog(t testing.TB) (*DB, *Filters) {
	t.Helper()
	f := &Filters{}
	opts := options.Client().ApplyURI(db.shared.URI).SetMonitor(&event.CommandMonitor{
		Started: func(_ context.Context, e *event.CommandStartedEvent) { f.record(e) }})
	client, err := mongo.Connect(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = client.Disconnect(context.Background()) })
	return &DB{client: client, db: client.Database(db.db.Name()), ferret: db.ferret, logger: db.logger,
		transactions: db.transactions, changes: db.changes, shared: db.shared}, f
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

// Collection is a collection for bare driver calls: tests write as any
// code of the process would, through the command monitor.
func (db *DB) Collection(name string) *mongo.Collection { return db.db.Collection(name) }

// WriteBeforeKeeping runs write once, when the next document read from the
// database is about to be kept in the document cache.
func (db *DB) WriteBeforeKeeping(write func()) {
	var once sync.Once
	db.docs.beforeKeep = func() { once.Do(write) }
}

// EmbeddedSyncs counts the files the embedded database flushed to disk; -1
// on MongoDB.
func (db *DB) EmbeddedSyncs() int64 {
	if db.ferret == nil {
		return -1
	}
	return db.ferret.syncs.Load()
}
