// Package search defines the search engine contract used by the platform and
// its query model. Adapters live in sub-packages, one per technology; this
// package never imports the application.
package search

import (
	"context"
	"errors"
)

// ErrUnavailable is returned (wrapped) when the engine cannot be reached.
var ErrUnavailable = errors.New("search engine unavailable")

// Engine indexes offers and answers queries.
type Engine interface {
	// Ready reports whether the engine can serve queries.
	Ready(ctx context.Context) error
	// Index adds or replaces documents by ID.
	Index(ctx context.Context, docs ...Offer) error
	// Delete removes documents by ID; unknown IDs are ignored.
	Delete(ctx context.Context, ids ...string) error
	// IDs lists the ID of every document in the index, in no order, so
	// that a reconcile can remove the ones the database no longer has.
	IDs(ctx context.Context) ([]string, error)
	// Search answers a query.
	Search(ctx context.Context, q Query) (*Result, error)
	// Close releases the engine's resources.
	Close() error
}
