package meili

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/meilisearch/meilisearch-go"
)

// idsPage is how many IDs one request lists: large pages, as only the ID of
// each document travels.
const idsPage = 10_000

// IDs lists every document's ID, a page at a time.
func (e *Engine) IDs(ctx context.Context) ([]string, error) {
	var ids []string
	for offset := int64(0); ; offset += idsPage {
		var page meilisearch.DocumentsResult
		err := e.index.GetDocuments(ctx, &meilisearch.DocumentsQuery{Offset: offset, Limit: idsPage,
			Fields: []string{primaryKey}}, &page)
		if err != nil {
			return nil, wrap(err)
		}
		for _, hit := range page.Results {
			var id string
			if err := json.Unmarshal(hit[primaryKey], &id); err != nil {
				return nil, fmt.Errorf("meili: decode document id: %w", err)
			}
			ids = append(ids, id)
		}
		if len(page.Results) < idsPage {
			return ids, nil
		}
	}
}
