package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"

	"passerelle/app/domain"
)

// TakeSeats takes a hold's seats on its session in one atomic conditional
// update: seats_left never goes below zero whatever the concurrency, and
// when the hold is on the open share, the open counter (seats outside the
// share reserved for priority education) is checked and decremented in the
// same update. The hold is listed on the session, so taking it again changes
// nothing, with the instant it was taken (h.At, now when unset) for the
// repair job. It reports whether the session now lists the hold.
func (db *DB) TakeSeats(ctx context.Context, sessionID string, h domain.SeatHold) (bool, error) {
	return takeHold(ctx, db.sessions(), sessionID, "seats_left", h)
}

// takeHold takes h's places from the counter of document id (a visit
// session's seats, an event's places or stands): one conditional update,
// the hold listed on the document so that taking it again changes nothing.
func takeHold(ctx context.Context, coll *mongo.Collection, id, counter string, h domain.SeatHold) (bool, error) {
	key := h.Key()
	if h.At.IsZero() {
		h.At = time.Now()
	}
	filter := bson.D{{Key: "_id", Value: id}, {Key: counter, Value: bson.D{{Key: "$gte", Value: h.Seats}}},
		{Key: "holders", Value: bson.D{{Key: "$ne", Value: key}}}}
	inc := bson.D{{Key: counter, Value: -h.Seats}}
	if h.Open > 0 {
		filter = append(filter, bson.E{Key: "open_left", Value: bson.D{{Key: "$gte", Value: h.Open}}})
		inc = append(inc, bson.E{Key: "open_left", Value: -h.Open})
	}
	update := bson.D{{Key: "$inc", Value: inc}, {Key: "$push", Value: bson.D{{Key: "holders", Value: key}}},
		{Key: "$set", Value: bson.D{{Key: heldAtField(key), Value: h.At}}}}
	res, err := coll.UpdateOne(ctx, filter, update)
	if err != nil {
		return false, mapError(err)
	}
	if res.MatchedCount == 1 {
		return true, nil
	}
	n, err := coll.CountDocuments(ctx, bson.D{{Key: "_id", Value: id}, {Key: "holders", Value: key}})
	return n == 1, mapError(err)
}

// ReleaseSeats gives back a hold's seats, once: releasing again is a no-op.
func (db *DB) ReleaseSeats(ctx context.Context, sessionID string, h domain.SeatHold) error {
	return releaseHold(ctx, db.sessions(), sessionID, "seats_left", h)
}

// releaseHold gives back what takeHold took, once.
func releaseHold(ctx context.Context, coll *mongo.Collection, id, counter string, h domain.SeatHold) error {
	key := h.Key()
	filter := bson.D{{Key: "_id", Value: id}, {Key: "holders", Value: key}}
	inc := bson.D{{Key: counter, Value: h.Seats}}
	if h.Open > 0 {
		inc = append(inc, bson.E{Key: "open_left", Value: h.Open})
	}
	update := bson.D{{Key: "$inc", Value: inc}, {Key: "$pull", Value: bson.D{{Key: "holders", Value: key}}},
		{Key: "$unset", Value: bson.D{{Key: heldAtField(key), Value: ""}}}}
	_, err := coll.UpdateOne(ctx, filter, update)
	return mapError(err)
}

func heldAtField(key string) string { return "held_at." + domain.HoldRef(key) }

// SessionsStartingFrom returns the sessions starting at or after from, for
// the repair job.
func (db *DB) SessionsStartingFrom(ctx context.Context, from time.Time) ([]domain.VisitSession, error) {
	return findAll[domain.VisitSession](ctx, db.sessions(), bson.D{{Key: "starts_at", Value: bson.D{{Key: "$gte", Value: from}}}})
}
