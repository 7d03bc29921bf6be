package meili

import (
	"context"
	"fmt"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"passerelle/search"
)

// batchSize keeps each payload well under Meilisearch's 100 MB limit.
const batchSize = 10_000

// taskPoll is how often a pending task is checked: short, because a single
// offer's update should be searchable at once.
const taskPoll = 10 * time.Millisecond

var primaryKey = "id"

// Index adds or replaces offers and waits until they are searchable.
func (e *Engine) Index(ctx context.Context, offers ...search.Offer) error {
	var tasks []*meilisearch.TaskInfo
	for start := 0; start < len(offers); start += batchSize {
		batch := offers[start:min(start+batchSize, len(offers))]
		docs := make([]document, len(batch))
		for i, o := range batch {
			docs[i] = toDocument(o, e.places)
		}
		task, err := e.index.AddDocuments(ctx, docs, &meilisearch.DocumentOptions{PrimaryKey: &primaryKey})
		if err != nil {
			return wrap(err)
		}
		tasks = append(tasks, task)
	}
	return e.wait(ctx, tasks...)
}

// Delete removes offers by ID and waits until they are gone.
func (e *Engine) Delete(ctx context.Context, ids ...string) error {
	if len(ids) == 0 {
		return nil
	}
	task, err := e.index.DeleteDocuments(ctx, ids, nil)
	if err != nil {
		return wrap(err)
	}
	return e.wait(ctx, task)
}

// wait blocks until every task is done and reports the first that failed.
func (e *Engine) wait(ctx context.Context, tasks ...*meilisearch.TaskInfo) error {
	for _, info := range tasks {
		task, err := e.index.WaitForTask(ctx, info.TaskUID, taskPoll)
		if err != nil {
			return wrap(err)
		}
		if task.Status != meilisearch.TaskStatusSucceeded {
			return fmt.Errorf("meili: task %d (%s) %s: %s [%s]", task.UID, task.Type, task.Status,
				task.Error.Message, task.Error.Code)
		}
	}
	return nil
}
