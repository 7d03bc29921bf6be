// Package embedded is the search.Engine that runs inside the application,
// over a Bleve index in a folder: the default when no Meilisearch is set.
package embedded

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"passerelle/search"
)

// Engine is a search.Engine over a Bleve index.
type Engine struct {
	index  bleve.Index
	facts  *factStore
	cache  results
	closed sync.Once
}

var _ search.Engine = (*Engine)(nil)

// Open opens the index in dir, creating it when the folder is missing or
// empty.
func Open(dir string) (*Engine, error) {
	index, err := bleve.Open(dir)
	if errors.Is(err, bleve.ErrorIndexPathDoesNotExist) || isEmptyDir(dir) {
		index, err = create(dir)
	}
	if err != nil {
		return nil, fmt.Errorf("embedded: open index in %s: %w", dir, err)
	}
	e := &Engine{index: index, facts: newFactStore()}
	if err := e.load(context.Background()); err != nil {
		_ = index.Close()
		return nil, fmt.Errorf("embedded: index in %s: %w", dir, err)
	}
	return e, nil
}

func create(dir string) (bleve.Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	// Bleve creates the folder itself and refuses one that exists.
	if err := os.Remove(dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o750); err != nil {
		return nil, err
	}
	return bleve.New(dir, m)
}

func isEmptyDir(dir string) bool {
	entries, err := os.ReadDir(dir)
	return err == nil && len(entries) == 0
}

// Ready reports whether the index is open and readable.
func (e *Engine) Ready(context.Context) error {
	_, err := e.index.DocCount()
	return wrap(err)
}

// Close closes the index; the engine is unavailable afterwards. Closing
// again does nothing, where Bleve would panic.
func (e *Engine) Close() error {
	var err error
	e.closed.Do(func() { err = e.index.Close() })
	e.cache.drop()
	return err
}

func wrap(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, bleve.ErrorIndexClosed):
		return fmt.Errorf("embedded: %w: %w", search.ErrUnavailable, err)
	}
	return fmt.Errorf("embedded: %w", err)
}

// forceMerge merges the index into one segment, which keeps searches fast
// after a bulk load.
func (e *Engine) forceMerge(ctx context.Context) error {
	advanced, err := e.index.Advanced()
	if err != nil {
		return wrap(err)
	}
	if s, ok := advanced.(*scorch.Scorch); ok {
		return wrap(s.ForceMerge(ctx, nil))
	}
	return nil
}
