// Package storetest gives tests of other packages a real database: a fresh
// embedded FerretDB in a temporary folder, migrated, closed at cleanup; or,
// when PASSERELLE_TEST_MONGODB_URI names a server, a fresh database there,
// dropped at cleanup.
package storetest

import (
	"context"
	"crypto/rand"
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	"passerelle/app/store"
)

// URIVariable names the server the suites run against instead of the
// embedded FerretDB, e.g. a MongoDB replica set.
const URIVariable = "PASSERELLE_TEST_MONGODB_URI"

// Open starts a fresh, migrated database for t and closes it when t ends.
func Open(t testing.TB) *store.DB {
	t.Helper()
	return OpenConfig(t, Fresh(t))
}

// Fresh returns where a new database for t lives: a temporary folder of the
// embedded FerretDB, or a database of its own on the server named by
// PASSERELLE_TEST_MONGODB_URI, dropped when t ends.
func Fresh(t testing.TB) store.Config {
	t.Helper()
	uri := os.Getenv(URIVariable)
	if uri == "" {
		return store.Config{DataDir: t.TempDir()}
	}
	cfg := store.Config{URI: uri, Database: "test_" + strings.ToLower(rand.Text()[:12])}
	t.Cleanup(func() {
		db, err := store.Open(context.Background(), cfg, Logger())
		if err != nil {
			t.Errorf("storetest: open %s to drop it: %v", cfg.Database, err)
			return
		}
		defer db.Close(context.Background())
		if err := db.Drop(context.Background()); err != nil {
			t.Errorf("storetest: drop %s: %v", cfg.Database, err)
		}
	})
	return cfg
}

// OpenConfig opens and migrates the database of cfg and closes it when t ends.
func OpenConfig(t testing.TB, cfg store.Config) *store.DB {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	db, err := store.Open(ctx, cfg, Logger())
	if err != nil {
		t.Fatalf("storetest: open database: %v", err)
	}
	t.Cleanup(func() {
		if err := db.Close(context.Background()); err != nil {
			t.Errorf("storetest: close: %v", err)
		}
	})
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("storetest: migrate: %v", err)
	}
	return db
}

// Logger shows the database's warnings and errors only.
func Logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
}
