package embedded

import "context"

// IDs lists every document's ID by walking the index reader, which costs
// no scoring and no stored field.
func (e *Engine) IDs(ctx context.Context) ([]string, error) {
	// A closed index still hands out a reader, without a snapshot in it.
	if err := e.Ready(ctx); err != nil {
		return nil, err
	}
	advanced, err := e.index.Advanced()
	if err != nil {
		return nil, wrap(err)
	}
	reader, err := advanced.Reader()
	if err != nil {
		return nil, wrap(err)
	}
	defer reader.Close()
	all, err := reader.DocIDReaderAll()
	if err != nil {
		return nil, wrap(err)
	}
	defer all.Close()
	var ids []string
	for {
		internal, err := all.Next()
		if internal == nil || err != nil {
			return ids, wrap(err)
		}
		id, err := reader.ExternalID(internal)
		if err != nil {
			return nil, wrap(err)
		}
		ids = append(ids, id)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
}
