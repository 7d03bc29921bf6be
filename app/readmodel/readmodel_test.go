package readmodel

import (
	"context"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"
)

// stamps is a Changes whose sources change when the test says so.
type stamps struct{ n atomic.Uint64 }

func (s *stamps) SyncChanges(context.Context, time.Time) error { return nil }
func (s *stamps) ChangeStamp(...string) uint64                 { return s.n.Load() }
func (s *stamps) PublishChanges(context.Context) error         { return nil }

// A key taken from a request points into a buffer that the web server
// reuses for the next request: the kept model must still load its own key.
func TestKeyedKeepsItsOwnCopyOfTheKey(t *testing.T) {
	changes := &stamps{}
	var loaded []string
	pages := NewKeyed(Config{Changes: changes, Sources: []string{Offers}}, 10,
		func(_ context.Context, key string) (string, error) {
			loaded = append(loaded, key)
			return "page of " + key, nil
		})
	buf := []byte("offer-0001")
	borrowed := unsafe.String(&buf[0], len(buf)) // as Fiber hands out route parameters
	if got, err := pages.Get(t.Context(), borrowed); err != nil || got != "page of offer-0001" {
		t.Fatalf("first read: %q, %v", got, err)
	}
	copy(buf, "offer-9999") // the next request on the connection
	if _, err := pages.Get(t.Context(), "offer-0001"); err != nil || len(loaded) != 1 {
		t.Fatalf("the kept page is not found by its key: loads %q, %v", loaded, err)
	}
	changes.n.Add(1) // an offer changed: the kept page loads again
	if got, err := pages.Get(t.Context(), "offer-0001"); err != nil || got != "page of offer-0001" {
		t.Fatalf("after a change: %q, %v (loads: %q)", got, err, loaded)
	}
	if len(loaded) != 2 || loaded[1] != "offer-0001" {
		t.Errorf("loads: %q", loaded)
	}
}
