package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/mongo"

	"passerelle/app/domain"
	"passerelle/app/store"
)

func TestMapErrorDuplicateOnInsert(t *testing.T) {
	ctx := context.Background()
	users := []domain.User{{ID: newID("dup-insert"), Email: newID("dup-insert") + "@example.org"}}
	if err := testDB.InsertUsers(ctx, users); err != nil {
		t.Fatal(err)
	}
	users[0].ID = newID("dup-insert")
	assertCode(t, testDB.InsertUsers(ctx, users), domain.ECONFLICT)
}

func TestMapErrorDuplicateOnUpdate(t *testing.T) {
	ctx := context.Background()
	a, b := newID("dup-update"), newID("dup-update")
	users := []domain.User{{ID: a, Email: a + "@example.org"}, {ID: b, Email: b + "@example.org"}}
	if err := testDB.InsertUsers(ctx, users); err != nil {
		t.Fatal(err)
	}
	err := testDB.SetUserEmailRaw(ctx, b, a+"@example.org")
	if err == nil {
		t.Fatal("update to a taken email succeeded")
	}
	t.Logf("driver error: %v (IsDuplicateKeyError: %v)", err, mongo.IsDuplicateKeyError(err))
	assertCode(t, store.MapError(err), domain.ECONFLICT)
}

func TestMapErrorNotFound(t *testing.T) {
	_, err := testDB.OfferByID(context.Background(), "no-such-offer")
	assertCode(t, err, domain.ENOTFOUND)
	if got := domain.ErrorMessage(err); got != "error.offer.not_found" {
		t.Errorf("message %q, want error.offer.not_found", got)
	}
	assertCode(t, store.MapError(mongo.ErrNoDocuments), domain.ENOTFOUND)
}

func TestMapErrorOthers(t *testing.T) {
	assertCode(t, store.MapError(fmt.Errorf("find: %w", context.DeadlineExceeded)), domain.EUNAVAILABLE)
	assertCode(t, store.MapError(mongo.ErrClientDisconnected), domain.EUNAVAILABLE)
	cause := errors.New("disk on fire")
	err := store.MapError(cause)
	assertCode(t, err, domain.EINTERNAL)
	if !errors.Is(err, cause) {
		t.Errorf("internal error %v does not wrap its cause", err)
	}
	if store.MapError(nil) != nil {
		t.Error("nil mapped to an error")
	}
}

func TestMapErrorServerUnreachable(t *testing.T) {
	ctx := context.Background()
	// Port 1 on loopback refuses connections: server selection times out.
	_, err := store.Open(ctx, store.Config{URI: "mongodb://127.0.0.1:1/", ConnectTimeout: 300 * time.Millisecond}, testLogger())
	assertCode(t, err, domain.EUNAVAILABLE)
	if !strings.Contains(err.Error(), "127.0.0.1:1") {
		t.Errorf("error %q does not tell which server failed", err)
	}
}

func assertCode(t *testing.T, err error, want string) {
	t.Helper()
	if got := domain.ErrorCode(err); got != want {
		t.Fatalf("error code %q (%v), want %q", got, err, want)
	}
}
