// Package storetest gives tests of other packages a real database: a fresh
// embedded FerretDB in a temporary folder, migrated, closed at cleanup; or,
// when PASSERELLE_TEST_MONGODB_URI names a server, a fresh database there,
// dropped at cleanup.
//
// Migrating an embedded database creates every collection and index, which
// takes seconds under the race detector: each test binary migrates one
// database once and every test starts from a copy of its files.
package storetest

import (
	"context"
	"crypto/rand"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
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
		dir := t.TempDir()
		Migrated(t, dir)
		return store.Config{DataDir: dir}
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

// Migrated puts into dataDir the files of an embedded database that is
// already migrated, as a platform that ran before would find them.
func Migrated(t testing.TB, dataDir string) {
	t.Helper()
	files, err := migratedFiles()
	if err != nil {
		t.Fatalf("storetest: migrated database: %v", err)
	}
	dir := store.EmbeddedDir(dataDir)
	if err := os.MkdirAll(dir, 0o750); err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), content, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// migratedFiles migrates a database once per test binary, in a folder
// removed at once, and keeps its files' contents.
var migratedFiles = sync.OnceValues(func() (map[string][]byte, error) {
	dataDir, err := os.MkdirTemp("", "storetest-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dataDir)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	db, err := store.Open(ctx, store.Config{DataDir: dataDir}, Logger())
	if err != nil {
		return nil, err
	}
	if err := db.Migrate(ctx); err != nil {
		_ = db.Close(ctx)
		return nil, err
	}
	if err := db.Close(ctx); err != nil { // SQLite folds its journal into the file
		return nil, err
	}
	dir := store.EmbeddedDir(dataDir)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for _, e := range entries {
		if files[e.Name()], err = os.ReadFile(filepath.Join(dir, e.Name())); err != nil {
			return nil, err
		}
	}
	return files, nil
})
