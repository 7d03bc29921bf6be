package store

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/event"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
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
