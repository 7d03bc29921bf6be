package store

import (
	"context"
	"slices"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

// ClosedApplicationsWithCV returns the applications in one of statuses,
// last changed before t, that still point at a CV.
func (db *DB) ClosedApplicationsWithCV(ctx context.Context, statuses []domain.ApplicationStatus, before time.Time) ([]domain.Application, error) {
	filter := bson.D{{Key: "status", Value: bson.D{{Key: "$in", Value: statuses}}},
		{Key: "updated_at", Value: bson.D{{Key: "$lt", Value: before}}},
		{Key: "cv_file_id", Value: bson.D{{Key: "$exists", Value: true}, {Key: "$ne", Value: ""}}}}
	return findAll[domain.Application](ctx, db.applications(), filter)
}

// ClosedApplications returns those of the applications ids in one of
// statuses, last changed before t.
func (db *DB) ClosedApplications(ctx context.Context, ids []string, statuses []domain.ApplicationStatus, before time.Time) ([]domain.Application, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	filter := append(in("_id", ids), bson.E{Key: "status", Value: bson.D{{Key: "$in", Value: statuses}}},
		bson.E{Key: "updated_at", Value: bson.D{{Key: "$lt", Value: before}}})
	return findAll[domain.Application](ctx, db.applications(), filter)
}

// ClearApplicationCV forgets the application's CV, if it is still fileID.
func (db *DB) ClearApplicationCV(ctx context.Context, id, fileID string) error {
	filter := bson.D{{Key: "_id", Value: id}, {Key: "cv_file_id", Value: fileID}}
	_, err := db.applications().UpdateOne(ctx, filter, bson.D{{Key: "$unset", Value: bson.D{{Key: "cv_file_id", Value: ""}}}})
	return mapError(err)
}

// LiveUsers returns the accounts not deleted (anonymised).
func (db *DB) LiveUsers(ctx context.Context) ([]domain.User, error) {
	return findAll[domain.User](ctx, db.users(), bson.D{{Key: "deleted_at", Value: bson.D{{Key: "$exists", Value: false}}}})
}

// MarkSignedIn records a sign-in, which also withdraws an inactivity warning.
func (db *DB) MarkSignedIn(ctx context.Context, userID string, at time.Time) error {
	_, err := db.users().UpdateOne(ctx, bson.D{{Key: "_id", Value: userID}}, bson.D{
		{Key: "$set", Value: bson.D{{Key: "last_sign_in_at", Value: at}}},
		{Key: "$unset", Value: bson.D{{Key: "inactivity_warned_at", Value: ""}}}})
	return mapError(err)
}

// MarkInactivityWarned records that the account's holder was told it will
// be anonymised.
func (db *DB) MarkInactivityWarned(ctx context.Context, userID string, at time.Time) error {
	return db.setUserFields(ctx, userID, bson.D{{Key: "inactivity_warned_at", Value: at}})
}

// StaleNotificationBodies returns the ids of the bodies still kept of the
// notifications sent before t.
func (db *DB) StaleNotificationBodies(ctx context.Context, before time.Time) ([]string, error) {
	filter := bson.D{{Key: "state", Value: domain.NotificationSent}, {Key: "sent_at", Value: bson.D{{Key: "$lt", Value: before}}}}
	idOnly := options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}})
	sent, err := findAll[domain.Notification](ctx, db.notifications(), filter, idOnly)
	if err != nil || len(sent) == 0 {
		return nil, err
	}
	var ids []string
	for chunk := range slices.Chunk(sent, bodyChunk) {
		bodies, err := findAll[domain.NotificationBody](ctx, db.db.Collection(notificationBodiesCollection),
			in("_id", notificationIDs(chunk)), idOnly)
		if err != nil {
			return ids, err
		}
		for _, b := range bodies {
			ids = append(ids, b.ID)
		}
	}
	return ids, nil
}

// DeleteNotificationBodies deletes these bodies; the notification records
// stay, so that their idempotency keys still refuse a second send.
func (db *DB) DeleteNotificationBodies(ctx context.Context, ids []string) (int64, error) {
	var deleted int64
	for chunk := range slices.Chunk(ids, bodyChunk) {
		res, err := db.db.Collection(notificationBodiesCollection).DeleteMany(ctx, in("_id", chunk))
		if err != nil {
			return deleted, mapError(err)
		}
		deleted += res.DeletedCount
	}
	return deleted, nil
}

// bodyChunk bounds the ids of one $in: the youth digest alone sends
// 100 000 emails a week.
const bodyChunk = 1000

func notificationIDs(ns []domain.Notification) []string {
	ids := make([]string, len(ns))
	for i, n := range ns {
		ids[i] = n.ID
	}
	return ids
}
