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
	copyTemplate(t, dataDir, "migrated", nil)
}

// OpenWith is Open on a database that build has already filled: build runs
// once per test binary and name (its data must not depend on the test), and
// each test gets a copy. On a server (PASSERELLE_TEST_MONGODB_URI) build runs
// for each test.
func OpenWith(t testing.TB, name string, build func(context.Context, *store.DB) error) *store.DB {
	t.Helper()
	if os.Getenv(URIVariable) != "" {
		db := Open(t)
		if err := build(context.Background(), db); err != nil {
			t.Fatalf("storetest: %s: %v", name, err)
		}
		return db
	}
	dir := t.TempDir()
	copyTemplate(t, dir, name, build)
	return OpenConfig(t, store.Config{DataDir: dir})
}

func copyTemplate(t testing.TB, dataDir, name string, build func(context.Context, *store.DB) error) {
	t.Helper()
	files, err := templates.files(name, build)
	if err != nil {
		t.Fatalf("storetest: database %s: %v", name, err)
	}
	WriteFiles(t, store.EmbeddedDir(dataDir), files)
}

// templateSet holds the files of the databases built once per test binary,
// by name.
type templateSet struct {
	mu    sync.Mutex
	built map[string]func() (map[string][]byte, error)
}

var templates = templateSet{built: map[string]func() (map[string][]byte, error){}}

func (ts *templateSet) files(name string, build func(context.Context, *store.DB) error) (map[string][]byte, error) {
	ts.mu.Lock()
	once, ok := ts.built[name]
	if !ok {
		once = sync.OnceValues(func() (map[string][]byte, error) { return buildTemplate(build) })
		ts.built[name] = once
	}
	ts.mu.Unlock()
	return once()
}

// buildTemplate migrates a database in a folder removed at once, lets build
// fill it, and keeps its files' contents.
func buildTemplate(build func(context.Context, *store.DB) error) (map[string][]byte, error) {
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
	err = db.Migrate(ctx)
	if err == nil && build != nil {
		err = build(ctx, db)
	}
	if closeErr := db.Close(ctx); err == nil { // closing folds SQLite's journal into the file
		err = closeErr
	}
	if err != nil {
		return nil, err
	}
	return ReadFiles(store.EmbeddedDir(dataDir))
}

// Shared opens db's database again, as a second application process
// sharing it would, and closes it when t ends (before db, opened earlier).
func Shared(t testing.TB, db *store.DB) *store.DB {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	other, err := store.Open(ctx, db.Shared(), Logger())
	if err != nil {
		t.Fatalf("storetest: open the shared database: %v", err)
	}
	t.Cleanup(func() {
		if err := other.Close(context.Background()); err != nil {
			t.Errorf("storetest: close the shared database: %v", err)
		}
	})
	return other
}
