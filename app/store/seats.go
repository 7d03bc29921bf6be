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
// repair job. It reports whether the session now lists the hold.
func (db *DB) TakeSeats(ctx context.Context, sessionID string, h domain.SeatHold) (bool, error) {
	return db.takeHold(ctx, db.sessions(), sessionID, "seats_left", h)
}

// takeHold takes h's places from the counter of document id (a visit
// session's seats, an event's places or stands): one conditional update,
// the hold listed on the document so that taking it again changes nothing.
// On the embedded database the condition is checked by updateHold.
func (db *DB) takeHold(ctx context.Context, coll *mongo.Collection, id, counter string, h domain.SeatHold) (bool, error) {
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
	if db.ferret != nil {
		return db.updateHold(ctx, coll, id, counter, update, func(s holdState) (bool, bool) {
			if slices.Contains(s.Holders, key) {
				return true, false
			}
			fits := s.Left >= h.Seats && (h.Open == 0 || s.OpenLeft >= h.Open)
			return fits, fits
		})
	}
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
	return db.releaseHold(ctx, db.sessions(), sessionID, "seats_left", h)
}

// releaseHold gives back what takeHold took, once.
func (db *DB) releaseHold(ctx context.Context, coll *mongo.Collection, id, counter string, h domain.SeatHold) error {
	key := h.Key()
	filter := bson.D{{Key: "_id", Value: id}, {Key: "holders", Value: key}}
	inc := bson.D{{Key: counter, Value: h.Seats}}
	if h.Open > 0 {
		inc = append(inc, bson.E{Key: "open_left", Value: h.Open})
	}
	update := bson.D{{Key: "$inc", Value: inc}, {Key: "$pull", Value: bson.D{{Key: "holders", Value: key}}},
		{Key: "$unset", Value: bson.D{{Key: heldAtField(key), Value: ""}}}}
	if db.ferret != nil {
		_, err := db.updateHold(ctx, coll, id, counter, update, func(s holdState) (bool, bool) {
			held := slices.Contains(s.Holders, key)
			return held, held
		})
		return err
	}
	_, err := coll.UpdateOne(ctx, filter, update)
	return mapError(err)
}

// holdState is what a hold update of the embedded database checks: the
// counter's places left, the open share's, and the holds listed.
type holdState struct {
	Left, OpenLeft int
	Holders        []string
}

// holdLocks serialise the hold updates of each document (striped by id) in
// the one process the embedded database serves.
type holdLocks [64]sync.Mutex

func (l *holdLocks) of(id string) *sync.Mutex {
	h := fnv.New32a()
	_, _ = h.Write([]byte(id))
	return &l[h.Sum32()%uint32(len(l))]
}

// updateHold is the conditional hold update on the embedded database:
// FerretDB pushes only a filter of exactly {_id} down to SQLite and decodes
// every document for any other (400 ms a booking at scale 20, the booking
// path's whole cost), so the condition is checked in Go on the document read
// by _id, and the update applied by _id, both under the document's lock.
// That is as atomic as the conditional update: the embedded database serves
// one process (DESIGN.md), and every hold update goes through here. check
// says whether the document answers yes and whether to write; a missing
// document answers no.
func (db *DB) updateHold(ctx context.Context, coll *mongo.Collection, id, counter string, update bson.D, check func(holdState) (yes, write bool)) (bool, error) {
	mu := db.seatLocks.of(id)
	mu.Lock()
	defer mu.Unlock()
	projection := options.FindOne().SetProjection(bson.D{{Key: counter, Value: 1}, {Key: "open_left", Value: 1}, {Key: "holders", Value: 1}})
	raw, err := coll.FindOne(ctx, bson.D{{Key: "_id", Value: id}}, projection).Raw()
	if errors.Is(err, mongo.ErrNoDocuments) {
		return false, nil
	}
	if err != nil {
		return false, mapError(err)
	}
	yes, write := check(readHoldState(raw, counter))
	if !write {
		return yes, nil
	}
	_, err = coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, update)
	return yes, mapError(err)
}

// readHoldState reads the fields updateHold checks; a field the document
// lacks (an event has no open share) reads as zero.
func readHoldState(raw bson.Raw, counter string) holdState {
	var s holdState
	if v, ok := raw.Lookup(counter).AsInt64OK(); ok {
		s.Left = int(v)
	}
	if v, ok := raw.Lookup("open_left").AsInt64OK(); ok {
		s.OpenLeft = int(v)
	}
	if holders, ok := raw.Lookup("holders").ArrayOK(); ok {
		values, _ := holders.Values()
		for _, v := range values {
			if key, ok := v.StringValueOK(); ok {
				s.Holders = append(s.Holders, key)
			}
		}
	}
	return s
}

func heldAtField(key string) string { return "held_at." + domain.HoldRef(key) }

// SessionsStartingFrom returns the sessions starting at or after from, for
// the repair job.
func (db *DB) SessionsStartingFrom(ctx context.Context, from time.Time) ([]domain.VisitSession, error) {
	return findAll[domain.VisitSession](ctx, db.sessions(), bson.D{{Key: "starts_at", Value: bson.D{{Key: "$gte", Value: from}}}})
}
