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

// While a value only older than its age is loaded again, its readers get it
// at once instead of queueing behind the load; a reader after a write waits
// for a load that began after the write, so the writer sees it.
func TestAnAgedValueIsServedWhileItReloads(t *testing.T) {
	changes := &stamps{}
	var clock atomic.Int64 // minutes
	started, release := make(chan string, 3), make(chan struct{})
	var loads atomic.Int32
	m := New(Config{Changes: changes, Sources: []string{Offers}, MaxAge: time.Minute,
		Now: func() time.Time { return time.Unix(clock.Load()*60, 0) }},
		func(context.Context) (string, error) {
			n := loads.Add(1)
			v := "v" + string(rune('0'+n))
			if n > 1 {
				started <- v
				<-release
			}
			return v, nil
		})
	if v, err := m.Get(t.Context()); err != nil || v != "v1" {
		t.Fatalf("first load: %q %v", v, err)
	}
	clock.Store(2) // older than its age
	aged := make(chan string)
	go func() { v, _ := m.Get(t.Context()); aged <- v }()
	if v := <-started; v != "v2" {
		t.Fatalf("the reload: %q", v)
	}
	if v, err := m.Get(t.Context()); err != nil || v != "v1" {
		t.Fatalf("a reader during the reload: %q %v, want the aged value at once", v, err)
	}
	changes.n.Add(1) // a write, during the reload that began before it
	written := make(chan string)
	go func() { v, _ := m.Get(t.Context()); written <- v }()
	release <- struct{}{} // the reload that missed the write ends
	if v := <-aged; v != "v2" {
		t.Errorf("the reader that reloaded: %q", v)
	}
	if v := <-started; v != "v3" {
		t.Fatalf("the writer's load: %q", v)
	}
	release <- struct{}{}
	if v := <-written; v != "v3" {
		t.Errorf("after the write: %q, want a load begun after it", v)
	}
}
