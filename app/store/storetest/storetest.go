// Package storetest gives tests of other packages a real database: a fresh
// embedded FerretDB in a temporary folder, migrated, closed at cleanup.
package storetest

import (
	"context"
	"log/slog"
	"os"
	"testing"
	"time"

	"passerelle/app/store"
)

// Open starts a fresh, migrated embedded database for t and closes it when t ends.
func Open(t testing.TB) *store.DB {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	db, err := store.Open(ctx, store.Config{DataDir: t.TempDir()}, logger)
	if err != nil {
		t.Fatalf("storetest: open embedded database: %v", err)
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
