package store

import (
	"context"
	"errors"
	"hash/fnv"
	"slices"
	"sync"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

// TakeSeats takes a hold's seats on its session in one atomic conditional
// update: seats_left never goes below zero whatever the concurrency, and
// when the hold is on the open share, the open counter (seats outside the
// share reserved for priority education) is checked and decremented in the
// same update. The hold is listed on the session, so taking it again changes
// nothing, with the instant it was taken (h.At, now when unset) for the
// repair job. It reports whether the session now lists the hold. On the
// embedded database the condition is checked by updateSeats.
func (db *DB) TakeSeats(ctx context.Context, sessionID string, h domain.SeatHold) (bool, error) {
	key := h.Key()
	if h.At.IsZero() {
		h.At = time.Now()
	}
	filter := bson.D{{Key: "_id", Value: sessionID}, {Key: "seats_left", Value: bson.D{{Key: "$gte", Value: h.Seats}}},
		{Key: "holders", Value: bson.D{{Key: "$ne", Value: key}}}}
	inc := bson.D{{Key: "seats_left", Value: -h.Seats}}
	if h.Open > 0 {
		filter = append(filter, bson.E{Key: "open_left", Value: bson.D{{Key: "$gte", Value: h.Open}}})
		inc = append(inc, bson.E{Key: "open_left", Value: -h.Open})
	}
	update := bson.D{{Key: "$inc", Value: inc}, {Key: "$push", Value: bson.D{{Key: "holders", Value: key}}},
		{Key: "$set", Value: bson.D{{Key: heldAtField(key), Value: h.At}}}}
	if db.ferret != nil {
		return db.updateSeats(ctx, sessionID, update, func(s seatState) (bool, bool) {
			if slices.Contains(s.Holders, key) {
				return true, false
			}
			fits := s.SeatsLeft >= h.Seats && (h.Open == 0 || s.OpenLeft >= h.Open)
			return fits, fits
		})
	}
	res, err := db.sessions().UpdateOne(ctx, filter, update)
	if err != nil {
		return false, mapError(err)
	}
	if res.MatchedCount == 1 {
		return true, nil
	}
	n, err := db.sessions().CountDocuments(ctx, bson.D{{Key: "_id", Value: sessionID}, {Key: "holders", Value: key}})
	return n == 1, mapError(err)
}

// ReleaseSeats gives back a hold's seats, once: releasing again is a no-op.
func (db *DB) ReleaseSeats(ctx context.Context, sessionID string, h domain.SeatHold) error {
	key := h.Key()
	filter := bson.D{{Key: "_id", Value: sessionID}, {Key: "holders", Value: key}}
	update := bson.D{{Key: "$inc", Value: bson.D{{Key: "seats_left", Value: h.Seats}, {Key: "open_left", Value: h.Open}}},
		{Key: "$pull", Value: bson.D{{Key: "holders", Value: key}}},
		{Key: "$unset", Value: bson.D{{Key: heldAtField(key), Value: ""}}}}
	if db.ferret != nil {
		_, err := db.updateSeats(ctx, sessionID, update, func(s seatState) (bool, bool) {
			held := slices.Contains(s.Holders, key)
			return held, held
		})
		return err
	}
	_, err := db.sessions().UpdateOne(ctx, filter, update)
	return mapError(err)
}

// seatState is what a seat update of the embedded database checks.
type seatState struct {
	SeatsLeft int      `bson:"seats_left"`
	OpenLeft  int      `bson:"open_left"`
	Holders   []string `bson:"holders"`
}

// seatLocks serialise the seat updates of each session (striped by id) in
// the one process the embedded database serves.
type seatLocks [64]sync.Mutex

func (l *seatLocks) of(sessionID string) *sync.Mutex {
	h := fnv.New32a()
	_, _ = h.Write([]byte(sessionID))
	return &l[h.Sum32()%uint32(len(l))]
}

// updateSeats is the conditional seat update on the embedded database:
// FerretDB pushes only a filter of exactly {_id} down to SQLite and decodes
// every session for any other (400 ms at scale 20, the booking path's whole
// cost), so the condition is checked in Go on the session read by _id, and
// the update applied by _id, both under the session's lock. That is as
// atomic as the conditional update: the embedded database serves one
// process (DESIGN.md), and every seat update goes through here. check says
// whether the session answers yes and whether to write; a missing session
// answers no.
func (db *DB) updateSeats(ctx context.Context, sessionID string, update bson.D, check func(seatState) (yes, write bool)) (bool, error) {
	mu := db.seatLocks.of(sessionID)
	mu.Lock()
	defer mu.Unlock()
	var s seatState
	projection := options.FindOne().SetProjection(bson.D{{Key: "seats_left", Value: 1}, {Key: "open_left", Value: 1}, {Key: "holders", Value: 1}})
	err := db.sessions().FindOne(ctx, bson.D{{Key: "_id", Value: sessionID}}, projection).Decode(&s)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return false, nil
	}
	if err != nil {
		return false, mapError(err)
	}
	yes, write := check(s)
	if !write {
		return yes, nil
	}
	_, err = db.sessions().UpdateOne(ctx, bson.D{{Key: "_id", Value: sessionID}}, update)
	return yes, mapError(err)
}

func heldAtField(key string) string { return "held_at." + domain.HoldRef(key) }

// SessionsStartingFrom returns the sessions starting at or after from, for
// the repair job.
func (db *DB) SessionsStartingFrom(ctx context.Context, from time.Time) ([]domain.VisitSession, error) {
	return findAll[domain.VisitSession](ctx, db.sessions(), bson.D{{Key: "starts_at", Value: bson.D{{Key: "$gte", Value: from}}}})
}
