package passerelle

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"passerelle/app/domain"
	"passerelle/search"
)

// IndexStore is what keeping the index in step reads and writes in the
// database: the offers, and the outbox of changes the engine missed.
type IndexStore interface {
	AllOffers(ctx context.Context) ([]domain.Offer, error)
	OffersByIDs(ctx context.Context, ids []string) ([]domain.Offer, error)
	QueueSearchSync(ctx context.Context, offerID string, at time.Time) error
	PendingSearchSync(ctx context.Context) ([]string, error)
	ClearSearchSync(ctx context.Context, offerIDs []string, before time.Time) error
}

// Indexer keeps the search engine equal to the database, which is the
// source of truth.
type Indexer struct {
	store  IndexStore
	engine search.Engine
	logger *slog.Logger
	now    func() time.Time
}

// NewIndexer returns an indexer over the given store and engine.
func NewIndexer(store IndexStore, engine search.Engine, logger *slog.Logger) *Indexer {
	return &Indexer{store: store, engine: engine, logger: logger, now: time.Now}
}

// ReconcileReport says what a reconcile changed in the index.
type ReconcileReport struct {
	Added   int // published offers the index did not have
	Updated int // published offers written again over their document
	Removed int // documents of offers not published or not in the database
}

// Changed counts the documents written or removed.
func (r ReconcileReport) Changed() int { return r.Added + r.Updated + r.Removed }

func (r ReconcileReport) String() string {
	return fmt.Sprintf("%d offres ajoutées à l'index, %d mises à jour, %d retirées", r.Added, r.Updated, r.Removed)
}

// Reconcile makes the index hold exactly the published offers, and clears
// the outbox entries it has thereby handled. With dryRun it only counts.
func (ix *Indexer) Reconcile(ctx context.Context, dryRun bool) (ReconcileReport, error) {
	started := ix.now()
	offers, err := ix.store.AllOffers(ctx)
	if err != nil {
		return ReconcileReport{}, err
	}
	indexed, err := ix.engine.IDs(ctx)
	if err != nil {
		return ReconcileReport{}, err
	}
	docs, stale, report := plan(offers, indexed)
	if dryRun {
		return report, nil
	}
	if err := ix.engine.Index(ctx, docs...); err != nil {
		return report, err
	}
	if err := ix.engine.Delete(ctx, stale...); err != nil {
		return report, err
	}
	return report, ix.store.ClearSearchSync(ctx, nil, started)
}

// plan splits the work of a reconcile: the documents to write and the IDs
// to remove from the index.
func plan(offers []domain.Offer, indexed []string) ([]search.Offer, []string, ReconcileReport) {
	inIndex := make(map[string]bool, len(indexed))
	for _, id := range indexed {
		inIndex[id] = true
	}
	var docs []search.Offer
	var report ReconcileReport
	for _, o := range offers {
		if o.Status != domain.OfferPublished {
			continue
		}
		docs = append(docs, SearchDocument(o))
		if inIndex[o.ID] {
			report.Updated++
			delete(inIndex, o.ID)
		} else {
			report.Added++
		}
	}
	stale := make([]string, 0, len(inIndex))
	for id := range inIndex {
		stale = append(stale, id)
	}
	report.Removed = len(stale)
	return docs, stale, report
}
