package passerelle

import (
	"context"
	"log/slog"
	"time"

	"passerelle/app/domain"
	"passerelle/search"
)

// syncTimeout bounds how long an offer change waits for the engine: the
// change is already saved, and a slow engine gets it later from the outbox.
const syncTimeout = 5 * time.Second

// OfferChanged brings the offer's index document in step after any change
// saved in the database (publish, edit, close, expire): indexed when
// published, removed otherwise. When the engine cannot take it, the change
// is queued in the outbox for RetryPending; it never fails the caller,
// whose write has already succeeded.
func (ix *Indexer) OfferChanged(ctx context.Context, offer domain.Offer) {
	ix.syncOrQueue(ctx, offer.ID, func(ctx context.Context) error {
		if offer.Status == domain.OfferPublished {
			return ix.engine.Index(ctx, SearchDocument(offer))
		}
		return ix.engine.Delete(ctx, offer.ID)
	})
}

func (ix *Indexer) syncOrQueue(ctx context.Context, offerID string, sync func(context.Context) error) {
	// The request may end before the engine answers; the change must not.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), syncTimeout)
	defer cancel()
	err := sync(ctx)
	if err == nil {
		return
	}
	ix.logger.Warn("search: offer change queued for retry", slog.String("offer_id", offerID), slog.Any("error", err))
	if qerr := ix.store.QueueSearchSync(ctx, offerID, ix.now()); qerr != nil {
		// The scheduled reconcile still catches it.
		ix.logger.Error("search: could not queue offer change", slog.String("offer_id", offerID), slog.Any("error", qerr))
	}
}

// RetryPending syncs the offers waiting in the outbox from their current
// state in the database, and returns how many were synced.
func (ix *Indexer) RetryPending(ctx context.Context) (int, error) {
	started := ix.now()
	ids, err := ix.store.PendingSearchSync(ctx)
	if err != nil || len(ids) == 0 {
		return 0, err
	}
	offers, err := ix.store.OffersByIDs(ctx, ids)
	if err != nil {
		return 0, err
	}
	docs, gone := split(offers, ids)
	if err := ix.engine.Index(ctx, docs...); err != nil {
		return 0, err
	}
	if err := ix.engine.Delete(ctx, gone...); err != nil {
		return 0, err
	}
	return len(ids), ix.store.ClearSearchSync(ctx, ids, started)
}

// split returns the documents of the published offers, and the ids of the
// others, including those no longer in the database.
func split(offers []domain.Offer, ids []string) ([]search.Offer, []string) {
	published := map[string]bool{}
	var docs []search.Offer
	for _, o := range offers {
		if o.Status == domain.OfferPublished {
			docs = append(docs, SearchDocument(o))
			published[o.ID] = true
		}
	}
	var gone []string
	for _, id := range ids {
		if !published[id] {
			gone = append(gone, id)
		}
	}
	return docs, gone
}
