package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

// searchOutboxCollection holds the offers whose change could not reach the
// search engine, one document per offer, until a retry succeeds.
const searchOutboxCollection = "search_outbox"

type searchOutboxEntry struct {
	OfferID  string    `bson:"_id"`
	QueuedAt time.Time `bson:"queued_at"`
}

// QueueSearchSync records that the offer's index document must be synced
// again; queueing an offer already waiting only moves its time.
func (db *DB) QueueSearchSync(ctx context.Context, offerID string, at time.Time) error {
	_, err := db.db.Collection(searchOutboxCollection).ReplaceOne(ctx, bson.D{{Key: "_id", Value: offerID}},
		searchOutboxEntry{OfferID: offerID, QueuedAt: at}, options.Replace().SetUpsert(true))
	return mapError(err)
}

// PendingSearchSync returns the ids of the offers waiting to be synced.
func (db *DB) PendingSearchSync(ctx context.Context) ([]string, error) {
	entries, err := findAll[searchOutboxEntry](ctx, db.db.Collection(searchOutboxCollection), bson.D{})
	ids := make([]string, len(entries))
	for i, e := range entries {
		ids[i] = e.OfferID
	}
	return ids, err
}

// ClearSearchSync forgets the entries queued before the given time, among
// offerIDs or all of them when offerIDs is nil: an offer queued again since
// stays for the next retry.
func (db *DB) ClearSearchSync(ctx context.Context, offerIDs []string, before time.Time) error {
	// Dates are stored to the millisecond: an entry queued just after before
	// could otherwise be stored as if before it.
	cutoff := before.Truncate(time.Millisecond)
	filter := bson.D{{Key: "queued_at", Value: bson.D{{Key: "$lt", Value: cutoff}}}}
	if offerIDs != nil {
		filter = append(filter, bson.E{Key: "_id", Value: bson.D{{Key: "$in", Value: offerIDs}}})
	}
	_, err := db.db.Collection(searchOutboxCollection).DeleteMany(ctx, filter)
	return mapError(err)
}

// OffersByIDs returns the offers among ids that exist, in no order.
func (db *DB) OffersByIDs(ctx context.Context, ids []string) ([]domain.Offer, error) {
	return findAll[domain.Offer](ctx, db.offers(), in("_id", ids))
}
