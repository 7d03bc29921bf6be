package store_test

import (
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/store/storetest"
)

// Calls closed before the closing job are marked closed, open ones are not;
// accounts with no recorded sign-in start their inactivity now.
func TestRetentionMigrationsMarkThePast(t *testing.T) {
	db := storetest.Open(t)
	ctx := t.Context()
	now := time.Now()
	signedIn := now.AddDate(-1, 0, 0)
	if err := db.InsertCalls(ctx, []domain.Call{{ID: "past", ClosesAt: now.AddDate(0, -2, 0)},
		{ID: "open", ClosesAt: now.AddDate(0, 1, 0)}}); err != nil {
		t.Fatal(err)
	}
	if err := db.InsertUsers(ctx, []domain.User{{ID: "old", Email: "a@example.org", CreatedAt: now.AddDate(-5, 0, 0)},
		{ID: "known", Email: "b@example.org", LastSignInAt: &signedIn}}); err != nil {
		t.Fatal(err)
	}
	if err := db.ApplyRetentionMigrations(ctx); err != nil {
		t.Fatal(err)
	}
	past, _ := db.CallByID(ctx, "past")
	open, _ := db.CallByID(ctx, "open")
	if past.Unclosed() || !open.Unclosed() {
		t.Fatalf("past %+v, open %+v", past.ClosedAt, open.ClosedAt)
	}
	old, _ := db.UserByID(ctx, "old")
	known, _ := db.UserByID(ctx, "known")
	if old.LastActive().Before(now.Add(-time.Minute)) || !known.LastActive().Equal(signedIn.Truncate(time.Millisecond)) {
		t.Fatalf("old %v, known %v", old.LastActive(), known.LastActive())
	}
}
