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
	return bson.D{{Key: "$or", Value: bson.A{dueIn(domain.NotificationPending, now), dueIn(domain.NotificationSending, now)}}}
}

// dueIn is dueFilter for one state: without $or, FerretDB filters about
// five times faster.
func dueIn(state domain.NotificationState, now time.Time) bson.D {
	if state == domain.NotificationSending {
		return bson.D{{Key: "state", Value: state}, {Key: "claimed_until", Value: bson.D{{Key: "$lt", Value: now}}}}
	}
	return bson.D{{Key: "state", Value: state}, {Key: "next_at", Value: bson.D{{Key: "$lte", Value: now}}}}
}

// DueNotifications lists up to limit notifications ready to send, oldest
// first; limit 0 means all. Listing claims nothing: see ClaimNotification.
func (db *DB) DueNotifications(ctx context.Context, now time.Time, limit int) ([]domain.Notification, error) {
	opts := options.Find().SetSort(bson.D{{Key: "next_at", Value: 1}}).SetLimit(int64(limit))
	return findAll[domain.Notification](ctx, db.notifications(), dueFilter(now), opts)
}

// ClaimNotification takes a notification as it was listed due for owner
// until the given instant and counts the attempt, in one conditional
// single-document update (the attempts in the filter prove the record
// unchanged since listed): of two senders, one gets it and the other gets
// nil. An UpdateOne, because FerretDB runs a findAndModify five times slower.
func (db *DB) ClaimNotification(ctx context.Context, due domain.Notification, owner string, now, until time.Time) (*domain.Notification, error) {
	filter := append(bson.D{{Key: "_id", Value: due.ID}, {Key: "attempts", Value: due.Attempts}}, dueIn(due.State, now)...)
	update := bson.D{
		{Key: "$set", Value: bson.D{{Key: "state", Value: domain.NotificationSending},
			{Key: "claimed_by", Value: owner}, {Key: "claimed_until", Value: until}}},
		{Key: "$inc", Value: bson.D{{Key: "attempts", Value: 1}}},
	}
	res, err := db.notifications().UpdateOne(ctx, filter, update)
	if err != nil || res.MatchedCount == 0 {
		return nil, mapError(err)
	}
	n := due
	n.State, n.ClaimedBy, n.ClaimedUntil, n.Attempts = domain.NotificationSending, owner, until, due.Attempts+1
	return &n, nil
}

// MoveNotification records the outcome of owner's claim when the
// notification is still in state from and still owner's: false means the
// claim was lost (it ran out and another sender took the notification).
func (db *DB) MoveNotification(ctx context.Context, id, owner string, from domain.NotificationState, to domain.NotificationMove) (bool, error) {
	filter := bson.D{{Key: "_id", Value: id}, {Key: "state", Value: from}, {Key: "claimed_by", Value: owner}}
	set := bson.D{{Key: "state", Value: to.State}, {Key: "next_at", Value: to.NextAt},
		{Key: "sent_at", Value: to.SentAt}, {Key: "last_error", Value: to.LastError}}
	res, err := db.notifications().UpdateOne(ctx, filter, bson.D{{Key: "$set", Value: set}})
	if err != nil {
		return false, mapError(err)
	}
	return res.MatchedCount == 1, nil
}

// Notification returns one notification by its key.
func (db *DB) Notification(ctx context.Context, id string) (*domain.Notification, error) {
	return findByID[domain.Notification](ctx, db.notifications(), id, "error.not_found")
}

// NotificationCounts counts notifications per state, for reports and tests.
func (db *DB) NotificationCounts(ctx context.Context) (map[domain.NotificationState]int, error) {
	rows, err := groupCount(ctx, db.notifications(), "state")
	counts := map[domain.NotificationState]int{}
	for _, row := range rows {
		counts[domain.NotificationState(row.Key[0])] += row.N
	}
	return counts, err
}

// NotificationBody returns the rendered email of one notification, by its
// _id alone: FerretDB finds it through SQLite's index, without decoding
// the other bodies as a query on several ids does.
func (db *DB) NotificationBody(ctx context.Context, id string) (*domain.NotificationBody, error) {
	return findByID[domain.NotificationBody](ctx, db.db.Collection(notificationBodiesCollection), id, "error.not_found")
}
