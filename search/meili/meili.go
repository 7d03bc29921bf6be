// Package meili is the search.Engine over a Meilisearch server.
package meili

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/meilisearch/meilisearch-go"

	"passerelle/search"
)

// DefaultIndex is the index used when Config.Index is empty.
const DefaultIndex = "offers"

// Config says where the server is.
type Config struct {
	URL    string
	APIKey string
	Index  string
	// Places are where searches are often made around (the communes): a
	// radius step or a distance sort around one of them is then a lookup.
	Places []search.Place
	// HTTPClient replaces the client that avoids Meilisearch's delayed-ACK
	// wait (see newHTTPClient); benchmarks use it to compare.
	HTTPClient *http.Client
}

// Engine is a search.Engine backed by one Meilisearch index.
type Engine struct {
	client meilisearch.ServiceManager
	index  meilisearch.IndexManager
	places []search.Place
	at     search.PlaceIndex
}

var _ search.Engine = (*Engine)(nil)

// New connects to the server and applies the index settings kept in code,
// waiting until they are in force.
func New(ctx context.Context, cfg Config) (*Engine, error) {
	if cfg.URL == "" {
		return nil, errors.New("meili: no Meilisearch URL")
	}
	client := meilisearch.New(cfg.URL, meilisearch.WithAPIKey(cfg.APIKey),
		meilisearch.WithCustomClient(cmp.Or(cfg.HTTPClient, newHTTPClient())))
	e := &Engine{client: client, index: client.Index(cmp.Or(cfg.Index, DefaultIndex)), places: cfg.Places,
		at: search.NewPlaceIndex(cfg.Places)}
	task, err := e.index.UpdateSettings(ctx, settings())
	if err == nil {
		err = e.wait(ctx, task)
	}
	if err != nil {
		client.Close()
		return nil, fmt.Errorf("meili: apply index settings: %w", err)
	}
	return e, nil
}

// Ready reports whether the server answers and is available.
func (e *Engine) Ready(ctx context.Context) error {
	health, err := e.client.Health(ctx)
	if err != nil {
		return wrap(err)
	}
	if health.Status != "available" {
		return fmt.Errorf("meili: status %q: %w", health.Status, search.ErrUnavailable)
	}
	return nil
}

// Close releases idle connections; the server keeps running.
func (e *Engine) Close() error {
	e.client.Close()
	return nil
}

// wrap marks the errors that mean the server cannot be reached.
func wrap(err error) error {
	var merr *meilisearch.Error
	if errors.As(err, &merr) && merr.ErrCode != meilisearch.APIError && merr.ErrCode != meilisearch.APIErrorWithoutMessage {
		return fmt.Errorf("meili: %w: %w", search.ErrUnavailable, err)
	}
	return fmt.Errorf("meili: %w", err)
}
