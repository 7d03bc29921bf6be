package store_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"passerelle/app/domain"
	"passerelle/app/store"
)

func TestRestartKeepsData(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := openIn(t, dir)
	if !db.Embedded() {
		t.Fatal("empty URI did not start the embedded database")
	}
	assertEmpty(t, db, true)
	if err := db.InsertUsers(ctx, []domain.User{{ID: "u1", Email: "kept@example.org", Name: "Inès"}}); err != nil {
		t.Fatal(err)
	}
	assertEmpty(t, db, false)
	if err := db.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "db")); err != nil {
		t.Fatalf("no database folder in the data folder: %v", err)
	}

	db = openIn(t, dir)
	defer db.Close(ctx)
	u, err := db.UserByEmail(ctx, "kept@example.org")
	if err != nil {
		t.Fatalf("user lost after restart: %v", err)
	}
	if u.ID != "u1" || u.Name != "Inès" {
		t.Errorf("user after restart = %+v", u)
	}
}

func TestPingFailsOnceClosed(t *testing.T) {
	ctx := context.Background()
	db := openIn(t, t.TempDir())
	if err := db.Ping(ctx); err != nil {
		t.Fatalf("ping of an open database: %v", err)
	}
	if err := db.Close(ctx); err != nil {
		t.Fatal(err)
	}
	assertCode(t, db.Ping(ctx), domain.EUNAVAILABLE)
}

func TestOpenNeedsAUsableDataFolder(t *testing.T) {
	file := filepath.Join(t.TempDir(), "not-a-folder")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"", file} {
		if db, err := store.Open(context.Background(), store.Config{DataDir: dir}, testLogger()); err == nil {
			db.Close(context.Background())
			t.Errorf("Open with data folder %q succeeded", dir)
		}
	}
}

func openIn(t *testing.T, dir string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), store.Config{DataDir: dir}, testLogger())
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func assertEmpty(t *testing.T, db *store.DB, want bool) {
	t.Helper()
	empty, err := db.Empty(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if empty != want {
		t.Fatalf("Empty() = %v, want %v", empty, want)
	}
}
