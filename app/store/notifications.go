package store

import (
	"context"
	"errors"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

const (
	notificationsCollection      = "notifications"
	notificationBodiesCollection = "notification_bodies"
	notificationsSentCollection  = "notifications_sent"
	emailPreferencesCollection   = "email_preferences"
)

func (db *DB) notifications() *mongo.Collection { return db.db.Collection(notificationsCollection) }

// InsertNotifications queues notifications with their bodies in two
// unordered round trips, and returns how many were already queued: the key
// is the _id, so the database itself refuses a duplicate, whatever the
// concurrency. Bodies go first, so that no record is ever without its body.
func (db *DB) InsertNotifications(ctx context.Context, ns []domain.Notification, bodies []domain.NotificationBody) (duplicates int, err error) {
	if _, err := insertNew(ctx, db.db.Collection(notificationBodiesCollection), bodies); err != nil {
		return 0, err
	}
	return insertNew(ctx, db.notifications(), ns)
}

// insertNew inserts docs, skipping those whose _id exists, and counts them.
func insertNew[T any](ctx context.Context, coll *mongo.Collection, docs []T) (duplicates int, err error) {
	if len(docs) == 0 {
		return 0, nil
	}
	batch := make([]any, len(docs))
	for i := range docs {
		batch[i] = docs[i]
	}
	_, err = coll.InsertMany(ctx, batch, options.InsertMany().SetOrdered(false))
	var bulk mongo.BulkWriteException
	if !errors.As(err, &bulk) || bulk.WriteConcernError != nil {
		return 0, mapError(err)
	}
	for _, we := range bulk.WriteErrors {
		if we.Code != duplicateKeyCode {
			return duplicates, mapError(we)
		}
		duplicates++
	}
	return duplicates, nil
}

// duplicateKeyCode is the server's code for a unique index violation.
const duplicateKeyCode = 11000

// dueFilter matches what a sender may take: pending and due, or claimed by a
// sender whose claim ran out (it crashed before it committed the send).
func dueFilter(now time.Time) bson.D {
	return bson.D{{Key: "$or", Value: bson.A{
		bson.D{{Key: "state", Value: domain.NotificationPending}, {Key: "next_at", Value: bson.D{{Key: "$lte", Value: now}}}},
		bson.D{{Key: "state", Value: domain.NotificationSending}, {Key: "claimed_until", Value: bson.D{{Key: "$lt", Value: now}}}},
	}}}
}

// DueNotifications lists up to limit notifications ready to send, oldest
// first; limit 0 means all. Listing claims nothing: see ClaimNotifications.
func (db *DB) DueNotifications(ctx context.Context, now time.Time, limit int) ([]domain.Notification, error) {
	opts := options.Find().SetSort(bson.D{{Key: "next_at", Value: 1}}).SetLimit(int64(limit))
	return findAll[domain.Notification](ctx, db.notifications(), dueFilter(now), opts)
}

// A sender claims a batch with one conditional update of many records,
// which, with MongoDB, is atomic for each record: of two senders, one gets
// each record. The embedded database runs one operation at a time (see
// DESIGN.md), which serialises them as well. Each claim names its batch,
// so that one query then returns what this batch got. Commits are inserts
// of a marker whose _id is the key: the unique _id lets one sender win, and
// an insert costs the same whatever the size of the queue. So with MongoDB
// a message costs its marker, and a batch a few operations. FerretDB v1.24
// scans the collection for each document an update changes, by an _id
// expression its index does not serve: there the claim and the record of
// the sends still cost a scan per message each.

// ClaimNotifications takes, as their next attempt, those of the listed
// notifications that are still due, for the batch named claim until the
// given instant, and returns them, oldest first.
func (db *DB) ClaimNotifications(ctx context.Context, ids []string, claim string, now, until time.Time) ([]domain.Notification, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	filter := append(bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: ids}}}}, dueFilter(now)...)
	update := bson.D{{Key: "$set", Value: bson.D{{Key: "state", Value: domain.NotificationSending},
		{Key: "claimed_by", Value: claim}, {Key: "claimed_until", Value: until}}},
		{Key: "$inc", Value: bson.D{{Key: "attempts", Value: 1}}}}
	res, err := db.notifications().UpdateMany(ctx, filter, update)
	if err != nil || res.ModifiedCount == 0 {
		return nil, mapError(err)
	}
	opts := options.Find().SetSort(bson.D{{Key: "next_at", Value: 1}})
	return findAll[domain.Notification](ctx, db.notifications(), bson.D{{Key: "claimed_by", Value: claim}}, opts)
}

// CommitNotification records that the notification is sent, once: false
// means another sender committed it already. Once the marker is in, the
// send is committed; the record says so after SettleNotificationsSent.
func (db *DB) CommitNotification(ctx context.Context, id, owner string, at time.Time) (bool, error) {
	won, err := db.mark(ctx, notificationsSentCollection, bson.D{{Key: "_id", Value: id}, {Key: "owner", Value: owner}, {Key: "at", Value: at}})
	if won {
		// the relay accepts the email once this returns: a power cut must
		// not undo the commit and send it again
		err = db.ferret.sync(db.db.Name())
	}
	return won, err
}

// SettleNotificationsSent records as sent the notifications whose sends
// are committed and that are still recorded as being sent.
func (db *DB) SettleNotificationsSent(ctx context.Context, ids []string, at time.Time) error {
	if len(ids) == 0 {
		return nil
	}
	filter := bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: ids}}}, {Key: "state", Value: domain.NotificationSending}}
	update := bson.D{{Key: "$set", Value: bson.D{{Key: "state", Value: domain.NotificationSent}, {Key: "sent_at", Value: at}}}}
	_, err := db.notifications().UpdateMany(ctx, filter, update)
	return mapError(err)
}

// UncommitNotification withdraws a commit the relay then refused.
func (db *DB) UncommitNotification(ctx context.Context, id string) error {
	_, err := db.db.Collection(notificationsSentCollection).DeleteOne(ctx, bson.D{{Key: "_id", Value: id}})
	return mapError(err)
}

// SettleNotification records the outcome of a send that was not committed.
func (db *DB) SettleNotification(ctx context.Context, id string, to domain.NotificationMove) error {
	set := bson.D{{Key: "state", Value: to.State}, {Key: "next_at", Value: to.NextAt},
		{Key: "sent_at", Value: to.SentAt}, {Key: "last_error", Value: to.LastError}}
	_, err := db.notifications().UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, bson.D{{Key: "$set", Value: set}})
	return mapError(err)
}

// mark inserts a marker and reports whether it was the first.
func (db *DB) mark(ctx context.Context, collection string, marker bson.D) (bool, error) {
	_, err := db.db.Collection(collection).InsertOne(ctx, marker)
	if isConflict(err) {
		return false, nil
	}
	return err == nil, mapError(err)
}

// Notification returns one notification by its key.
func (db *DB) Notification(ctx context.Context, id string) (*domain.Notification, error) {
	return findByID[domain.Notification](ctx, db, db.notifications(), id, "error.not_found")
}

// NotificationCounts counts notifications per state, for `jobs list`.
func (db *DB) NotificationCounts(ctx context.Context) (map[domain.NotificationState]int, error) {
	rows, err := groupCount(ctx, db.notifications(), "state")
	counts := map[domain.NotificationState]int{}
	for _, row := range rows {
		counts[domain.NotificationState(row.Key[0])] += row.N
	}
	return counts, err
}

// NotificationBody returns the rendered email of one notification.
func (db *DB) NotificationBody(ctx context.Context, id string) (*domain.NotificationBody, error) {
	return findByID[domain.NotificationBody](ctx, db, db.db.Collection(notificationBodiesCollection), id, "error.not_found")
}

// NotificationBodies returns the rendered emails of notifications by key.
// It reads them one by one by `_id`, which both databases answer from an
// index: a single `$in` query makes the embedded database parse every stored
// body (measured: 68 instead of 200 emails/s delivered with 5 000 queued).
func (db *DB) NotificationBodies(ctx context.Context, ids []string) (map[string]domain.NotificationBody, error) {
	bodies := make(map[string]domain.NotificationBody, len(ids))
	coll := db.db.Collection(notificationBodiesCollection)
	for _, id := range ids {
		var b domain.NotificationBody
		err := coll.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&b)
		if errors.Is(err, mongo.ErrNoDocuments) {
			continue
		}
		if err != nil {
			return bodies, mapError(err)
		}
		bodies[id] = b
	}
	return bodies, nil
}
