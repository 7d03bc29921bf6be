package search

import (
	"context"
	"sync/atomic"
)

// Counted is an engine that counts the writes passed through it, so that
// what is built from its answers (a rendered page of results) knows when
// they may have changed.
type Counted struct {
	Engine
	writes atomic.Uint64
}

// Count wraps e; every index write of the process must go through the
// wrapper for its count to mean anything.
func Count(e Engine) *Counted { return &Counted{Engine: e} }

// Index indexes docs, then counts a write: an answer read before the count
// changes may be older than docs, never newer.
func (c *Counted) Index(ctx context.Context, docs ...Offer) error {
	defer c.writes.Add(1)
	return c.Engine.Index(ctx, docs...)
}

// Delete removes ids, then counts a write.
func (c *Counted) Delete(ctx context.Context, ids ...string) error {
	defer c.writes.Add(1)
	return c.Engine.Delete(ctx, ids...)
}

// Writes is the number of index writes so far, finished or failed.
func (c *Counted) Writes() uint64 { return c.writes.Load() }
