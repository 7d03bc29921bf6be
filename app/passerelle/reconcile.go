package passerelle

import (
	"context"
	"fmt"
	"log/slog"

	"passerelle/app/domain"
	"passerelle/search"
)

// OfferLister reads the offers that the index mirrors.
type OfferLister interface {
	AllOffers(ctx context.Context) ([]domain.Offer, error)
}

// Indexer keeps the search engine equal to the database, which is the
// source of truth.
type Indexer struct {
	offers OfferLister
	engine search.Engine
	logger *slog.Logger
}

// NewIndexer returns an indexer over the given offers and engine.
func NewIndexer(offers OfferLister, engine search.Engine, logger *slog.Logger) *Indexer {
	return &Indexer{offers: offers, engine: engine, logger: logger}
}

// ReconcileReport says what a reconcile changed in the index.
type ReconcileReport struct {
	Indexed int
	Removed int
}

func (r ReconcileReport) String() string {
	return fmt.Sprintf("%d offres indexées, %d retirées de l'index", r.Indexed, r.Removed)
}

// Reconcile indexes every published offer and removes every other one, so
// that after it the index holds exactly the published offers. With dryRun it
// only counts.
func (ix *Indexer) Reconcile(ctx context.Context, dryRun bool) (ReconcileReport, error) {
	offers, err := ix.offers.AllOffers(ctx)
	if err != nil {
		return ReconcileReport{}, err
	}
	var docs []search.Offer
	var gone []string
	for _, o := range offers {
		if o.Status == domain.OfferPublished {
			docs = append(docs, SearchDocument(o))
		} else {
			gone = append(gone, o.ID)
		}
	}
	report := ReconcileReport{Indexed: len(docs), Removed: len(gone)}
	if dryRun {
		return report, nil
	}
	if err := ix.engine.Index(ctx, docs...); err != nil {
		return report, err
	}
	return report, ix.engine.Delete(ctx, gone...)
}
