// Package readmodel keeps hot, rarely-changing data (the home page's
// overview, offer and call pages, laureates) in memory between requests, so
// that reading them costs no database round trip.
//
// A model is valid while the collections it was read from have not changed.
// The store tells: it sees every write of this process through the driver's
// command monitor, at once (the writer sees its change on its next page),
// and the writes of other processes sharing the database through a version
// document that every process bumps after writing and that each reads at
// most once per store.SyncEvery (bounded staleness across replicas).
// Per-person data is never kept here: it stays read-your-writes by reading
// the database.
package readmodel

import (
	"context"
	"strings"
	"sync"
	"time"
)

// The sources a model is read from: the store's collection names. The store
// publishes the writes of these collections (and of those its document
// cache keeps), and only these.
const (
	Offers        = "offers"
	Sessions      = "sessions"
	Calls         = "calls"
	Organisations = "organisations"
	Youths        = "youths"
	Testimonies   = "testimonies"
	Awards        = "awards"
	Grants        = "grant_applications"
	// Bookings and applications change often; only the observatory's
	// figures, which count them, are read from them.
	Bookings     = "bookings"
	Applications = "applications"
	Events       = "events"
)

// Sources lists every source a model may be read from.
var Sources = []string{Offers, Sessions, Calls, Organisations, Youths, Testimonies, Awards, Grants, Bookings, Applications, Events}

// Changes tells when sources changed (the store implements it).
type Changes interface {
	// SyncChanges learns other processes' writes, reading the shared
	// versions when it last did so longer ago than the bounded staleness.
	SyncChanges(ctx context.Context, now time.Time) error
	// ChangeStamp is a number that grows whenever one of the sources
	// changed, as far as this process knows.
	ChangeStamp(sources ...string) uint64
	// PublishChanges tells the other processes this process's writes before
	// it returns: a request that wrote calls it before its answer.
	PublishChanges(ctx context.Context) error
}

// Model is one read model: a value loaded from sources, kept until one of
// them changes or it is older than MaxAge.
type Model[T any] struct {
	changes Changes
	sources []string
	maxAge  time.Duration
	now     func() time.Time
	load    func(ctx context.Context) (T, error)

	mu      sync.Mutex // guards the fields below, never held while loading
	value   T
	stamp   uint64
	at      time.Time
	loaded  bool
	loading chan struct{} // closed when the load under way ends; nil when none
}

// Config says where a model comes from and how long it may be kept.
type Config struct {
	Changes Changes
	Sources []string
	// MaxAge bounds what the sources alone do not tell: data that depends on
	// the time (upcoming sessions, open calls). Zero keeps it until a change.
	MaxAge time.Duration
	Now    func() time.Time // time.Now when nil
}

// New returns a model that load fills.
func New[T any](cfg Config, load func(ctx context.Context) (T, error)) *Model[T] {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Model[T]{changes: cfg.Changes, sources: cfg.Sources, maxAge: cfg.MaxAge, now: cfg.Now, load: load}
}

// Get returns the value, loaded again first if a source changed since.
// One load runs at a time. While it runs, the readers of a value that is
// only older than MaxAge get that value at once: under a crowd the reload
// queues behind everyone's database work, and every reader would wait for
// it. A reader whose sources changed (the writer, who must see its write)
// waits for a load that starts after the change.
func (m *Model[T]) Get(ctx context.Context) (T, error) {
	now := m.now()
	if err := m.changes.SyncChanges(ctx, now); err != nil {
		var zero T
		return zero, err
	}
	for {
		m.mu.Lock()
		// The stamp is taken before loading: a write that ends during the
		// load makes the next Get load again rather than keep what it missed.
		stamp := m.changes.ChangeStamp(m.sources...)
		current := m.loaded && m.stamp == stamp
		if current && (m.maxAge == 0 || inAge(now, m.at, m.maxAge) || m.loading != nil) {
			value := m.value
			m.mu.Unlock()
			return value, nil
		}
		if wait := m.loading; wait != nil {
			m.mu.Unlock()
			select {
			case <-wait:
				continue
			case <-ctx.Done():
				var zero T
				return zero, ctx.Err()
			}
		}
		done := make(chan struct{})
		m.loading = done
		m.mu.Unlock()
		value, err := m.load(ctx)
		m.mu.Lock()
		m.loading = nil
		close(done)
		if err == nil {
			m.value, m.stamp, m.at, m.loaded = value, stamp, now, true
		}
		m.mu.Unlock()
		return value, err
	}
}

// inAge reports whether at is less than maxAge before now; a clock moved
// back (tests do) counts as expired.
func inAge(now, at time.Time, maxAge time.Duration) bool {
	d := now.Sub(at)
	return d >= 0 && d < maxAge
}

// Keyed is a model per key (an offer page per offer id), each loaded on
// its first use; at most limit are kept, all dropped when one more is asked.
type Keyed[T any] struct {
	cfg   Config
	limit int
	load  func(ctx context.Context, key string) (T, error)

	mu     sync.Mutex
	models map[string]*Model[T]
}

// NewKeyed returns models of load per key.
func NewKeyed[T any](cfg Config, limit int, load func(ctx context.Context, key string) (T, error)) *Keyed[T] {
	return &Keyed[T]{cfg: cfg, limit: limit, load: load, models: map[string]*Model[T]{}}
}

// Get returns the value of key, loaded again first if a source changed
// since. Errors (a key that does not exist) are not kept.
func (k *Keyed[T]) Get(ctx context.Context, key string) (T, error) {
	k.mu.Lock()
	m, ok := k.models[key]
	if !ok {
		if len(k.models) >= k.limit {
			// Dropping them all is simpler than an LRU and rare: the limit is
			// above the number of offers and calls people look at.
			clear(k.models)
		}
		// The key often comes from a request (a route's id) whose buffer the
		// web server reuses: the map and the loader keep a copy.
		key = strings.Clone(key)
		m = New(k.cfg, func(ctx context.Context) (T, error) { return k.load(ctx, key) })
		k.models[key] = m
	}
	k.mu.Unlock()
	value, err := m.Get(ctx)
	if err != nil && !m.isLoaded() {
		// Unknown keys, which anyone may ask for, take no room.
		k.mu.Lock()
		if k.models[key] == m {
			delete(k.models, key)
		}
		k.mu.Unlock()
	}
	return value, err
}

func (m *Model[T]) isLoaded() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.loaded
}
