package store_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"passerelle/app/store"
	"passerelle/app/store/storetest"
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
	if testDB.Embedded() {
		return m.Run()
	}
	defer testDB.Drop(context.Background())
	return m.Run()
}

// openMigrated opens the shared database: embedded in dir, or a database of
// its own on the server named by PASSERELLE_TEST_MONGODB_URI.
func openMigrated(dir string) (*store.DB, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cfg := store.Config{DataDir: dir}
	if uri := os.Getenv(storetest.URIVariable); uri != "" {
		cfg = store.Config{URI: uri, Database: "test_store_" + strings.ToLower(rand.Text()[:12])}
	}
	db, err := store.Open(ctx, cfg, testLogger())
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
