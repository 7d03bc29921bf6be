// Package store keeps the platform's data in MongoDB through the official
// driver: one file per collection, index migrations, error mapping, and the
// embedded default (an in-process FerretDB over SQLite files) when no URI is set.
package store

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

// Config tells where the data lives.
type Config struct {
	URI            string        // MongoDB connection string; empty starts the embedded FerretDB
	Database       string        // database name, "passerelle" when empty
	DataDir        string        // data folder of the embedded database
	ConnectTimeout time.Duration // server selection and connection timeout, 10s when zero
	// CachedDocuments bounds the embedded database's document cache (docCache),
	// DefaultCachedDocuments when zero; MongoDB mode keeps none.
	CachedDocuments int
}

// DB is an open connection to the platform's database.
type DB struct {
	client *mongo.Client
	db     *mongo.Database
	ferret *embedded // nil when connected to an external MongoDB
	logger *slog.Logger
	// transactions: the server runs multi-document transactions (a replica set)
	transactions bool
	changes      *changeFeed // what read models need to know of the writes
	shared       Config      // how another process reaches the same database
	seatLocks    holdLocks   // the embedded database's hold updates (seats, places), per document
	docs         *docCache   // documents by _id, embedded mode only; nil keeps none
}

// Open connects to MongoDB at cfg.URI, or starts and connects to the embedded
// FerretDB when cfg.URI is empty, and checks that the server answers. A nil
// logger means slog.Default().
func Open(ctx context.Context, cfg Config, logger *slog.Logger) (*DB, error) {
	cfg = withDefaults(cfg)
	if logger == nil {
		logger = slog.Default()
	}
	db := &DB{logger: logger, changes: newChangeFeed()}
	uri := cfg.URI
	if uri == "" {
		ferret, err := startEmbedded(cfg.DataDir, logger)
		if err != nil {
			return nil, err
		}
		db.ferret, uri = ferret, ferret.uri
		db.docs = newDocCache(cfg.CachedDocuments)
	}
	db.shared = Config{URI: uri, Database: cfg.Database, ConnectTimeout: cfg.ConnectTimeout}
	if err := db.connect(ctx, uri, cfg); err != nil {
		db.ferret.stop()
		return nil, err
	}
	return db, nil
}

func withDefaults(cfg Config) Config {
	if cfg.Database == "" {
		cfg.Database = "passerelle"
	}
	if cfg.ConnectTimeout <= 0 {
		cfg.ConnectTimeout = 10 * time.Second
	}
	if cfg.CachedDocuments == 0 {
		cfg.CachedDocuments = DefaultCachedDocuments
	}
	return cfg
}

func (db *DB) connect(ctx context.Context, uri string, cfg Config) error {
	opts := options.Client().ApplyURI(uri).
		SetConnectTimeout(cfg.ConnectTimeout).
		SetServerSelectionTimeout(cfg.ConnectTimeout).
		SetMonitor(db.monitor())
	if db.Embedded() {
		// FerretDB loses updates under concurrent writers: one connection
		// serialises every operation (see DESIGN.md).
		opts.SetMaxPoolSize(1)
	}
	client, err := mongo.Connect(ctx, opts)
	if err != nil {
		return fmt.Errorf("store: connect: %w", err)
	}
	db.client, db.db = client, client.Database(cfg.Database)
	if err := client.Ping(ctx, nil); err != nil {
		_ = client.Disconnect(context.WithoutCancel(ctx))
		// Keep the driver's reason for the operator, and the domain code for callers.
		return fmt.Errorf("store: the database does not answer: %w: %w", mapError(err), err)
	}
	if err := db.detectTransactions(ctx); err != nil {
		_ = client.Disconnect(context.WithoutCancel(ctx))
		return fmt.Errorf("store: hello: %w", err)
	}
	go db.publish()
	return nil
}

// Shared is the configuration another process uses to share this database,
// the embedded one included (tests run two processes over one database).
func (db *DB) Shared() Config { return db.shared }

// Embedded reports whether the database is the in-process FerretDB.
func (db *DB) Embedded() bool { return db.ferret != nil }

// Ping checks that the database answers, for readiness probes.
func (db *DB) Ping(ctx context.Context) error {
	return mapError(db.client.Ping(ctx, nil))
}

// Close disconnects and, in embedded mode, stops FerretDB and waits for it.
func (db *DB) Close(ctx context.Context) error {
	db.changes.stopOnce.Do(func() { close(db.changes.stop) }) // the last writes are published before disconnecting
	<-db.changes.done
	err := db.client.Disconnect(ctx)
	db.ferret.stop()
	if err != nil {
		return fmt.Errorf("store: disconnect: %w", err)
	}
	return nil
}

// Empty reports whether the database holds no user and no organisation yet,
// which is when the demo data may be seeded.
func (db *DB) Empty(ctx context.Context) (bool, error) {
	for _, name := range []string{usersCollection, organisationsCollection} {
		n, err := db.db.Collection(name).CountDocuments(ctx, struct{}{}, options.Count().SetLimit(1))
		if err != nil || n > 0 {
			return false, mapError(err)
		}
	}
	return true, nil
}

// Drop deletes the whole database, for tests that share a server.
func (db *DB) Drop(ctx context.Context) error {
	return mapError(db.db.Drop(ctx))
}
