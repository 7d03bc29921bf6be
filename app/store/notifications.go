package store

import (
	"context"
	"errors"
	"strconv"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

const (
	notificationsCollection      = "notifications"
	notificationBodiesCollection = "notification_bodies"
	notificationClaimsCollection = "notification_claims"
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
// first; limit 0 means all. Listing claims nothing: see ClaimNotification.
func (db *DB) DueNotifications(ctx context.Context, now time.Time, limit int) ([]domain.Notification, error) {
	opts := options.Find().SetSort(bson.D{{Key: "next_at", Value: 1}}).SetLimit(int64(limit))
	return findAll[domain.Notification](ctx, db.notifications(), dueFilter(now), opts)
}

// Claims and commits are inserts of small documents whose _id says what
// they decide: the unique _id lets one sender win, whatever the concurrency,
// and an insert, like an update by _id alone, costs the same whatever the
// size of the queue, where FerretDB scans the whole collection for any
// conditional update (see DESIGN.md). The record's state follows each
// decision by an update by _id alone: it says what to list as due, while
// the markers decide.

// ClaimNotification takes a notification as it was listed due, for owner
// until the given instant, as its next attempt: of two senders, one gets
// it and the other gets nil. An attempt claimed by a sender that died
// before recording it in the notification is taken over once its claim
// ran out.
func (db *DB) ClaimNotification(ctx context.Context, due domain.Notification, owner string, now, until time.Time) (*domain.Notification, error) {
	attempt := due.Attempts + 1
	for {
		id := due.ID + "#" + strconv.Itoa(attempt)
		won, err := db.mark(ctx, notificationClaimsCollection, bson.D{{Key: "_id", Value: id}, {Key: "owner", Value: owner}, {Key: "until", Value: until}})
		if err != nil {
			return nil, err
		}
		if won {
			break
		}
		if ran, err := db.claimRanOut(ctx, id, now); !ran {
			return nil, err
		}
		attempt++
	}
	n := due
	n.State, n.ClaimedBy, n.ClaimedUntil, n.Attempts = domain.NotificationSending, owner, until, attempt
	set := bson.D{{Key: "state", Value: n.State}, {Key: "claimed_by", Value: owner},
		{Key: "claimed_until", Value: until}, {Key: "attempts", Value: attempt}}
	return &n, db.setNotification(ctx, due.ID, set)
}

func (db *DB) claimRanOut(ctx context.Context, id string, now time.Time) (bool, error) {
	var claim struct {
		Until time.Time `bson:"until"`
	}
	err := db.db.Collection(notificationClaimsCollection).FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&claim)
	return err == nil && claim.Until.Before(now), mapError(err)
}

// CommitNotification records that the notification is sent, once: false
// means another sender committed it already. Once the marker is in, the
// send is committed, even if recording the state then fails.
func (db *DB) CommitNotification(ctx context.Context, id, owner string, at time.Time) (bool, error) {
	marker := bson.D{{Key: "_id", Value: id}, {Key: "owner", Value: owner}, {Key: "at", Value: at}}
	if won, err := db.mark(ctx, notificationsSentCollection, marker); !won {
		return false, err
	}
	err := db.setNotification(ctx, id, bson.D{{Key: "state", Value: domain.NotificationSent}, {Key: "sent_at", Value: at}})
	if err != nil {
		db.logger.Error("notification sent but not recorded so: the next delivery will", "key", id, "error", err)
	}
	return true, nil
}

// UncommitNotification withdraws a commit the relay then refused.
func (db *DB) UncommitNotification(ctx context.Context, id string) error {
	_, err := db.db.Collection(notificationsSentCollection).DeleteOne(ctx, bson.D{{Key: "_id", Value: id}})
	return mapError(err)
}

// SettleNotification records the outcome of a send that was not committed.
func (db *DB) SettleNotification(ctx context.Context, id string, to domain.NotificationMove) error {
	return db.setNotification(ctx, id, bson.D{{Key: "state", Value: to.State}, {Key: "next_at", Value: to.NextAt},
		{Key: "sent_at", Value: to.SentAt}, {Key: "last_error", Value: to.LastError}})
}

func (db *DB) setNotification(ctx context.Context, id string, set bson.D) error {
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
