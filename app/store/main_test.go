package store_test

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"passerelle/app/store"
)

// testDB is one embedded database shared by the package's tests, which use
// distinct ids and emails so that they do not see each other's documents.
// Tests that count or list use storetest.Open instead.
var testDB *store.DB

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	dir, err := os.MkdirTemp("", "store-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	testDB, err = openMigrated(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "embedded database:", err)
		return 1
	}
	defer testDB.Close(context.Background())
	return m.Run()
}

func openMigrated(dir string) (*store.DB, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	db, err := store.Open(ctx, store.Config{DataDir: dir}, testLogger())
	if err != nil {
		return nil, err
	}
	return db, db.Migrate(ctx)
}

func testLogger() *slog.Logger {
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

var idSeq atomic.Int64

// newID returns an id unique in the shared database, so that tests also pass
// with -count above 1.
func newID(prefix string) string {
	return fmt.Sprintf("%s-%d", prefix, idSeq.Add(1))
}
