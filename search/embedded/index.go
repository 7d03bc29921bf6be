package embedded

import (
	"context"

	"github.com/blevesearch/bleve/v2"

	"passerelle/search"
)

const (
	batchSize = 1000
	// bulkLoad is the size from which a load ends with a force-merge.
	bulkLoad = 1000
)

// Index adds or replaces offers; they are searchable on return.
func (e *Engine) Index(ctx context.Context, offers ...search.Offer) error {
	for start := 0; start < len(offers); start += batchSize {
		if err := e.indexBatch(ctx, offers[start:min(start+batchSize, len(offers))]); err != nil {
			return err
		}
	}
	if len(offers) >= bulkLoad {
		return e.forceMerge(ctx)
	}
	return nil
}

func (e *Engine) indexBatch(ctx context.Context, offers []search.Offer) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	batch := e.index.NewBatch()
	for _, o := range offers {
		doc, err := document(o)
		if err != nil {
			return err
		}
		if err := batch.Index(o.ID, doc); err != nil {
			return wrap(err)
		}
	}
	return e.write(batch, func() { e.facts.put(offers) })
}

// Delete removes offers by ID.
func (e *Engine) Delete(ctx context.Context, ids ...string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	batch := e.index.NewBatch()
	for _, id := range ids {
		batch.Delete(id)
	}
	return e.write(batch, func() { e.facts.remove(ids) })
}

// write applies batch, then its change to the facts, and forgets the
// cached answers.
func (e *Engine) write(batch *bleve.Batch, change func()) error {
	if err := e.index.Batch(batch); err != nil {
		return wrap(err)
	}
	change()
	e.cache.drop()
	return nil
}
