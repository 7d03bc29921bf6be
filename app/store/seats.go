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
		return db.updateHold(ctx, coll, id, counter, update, func(s *holdState) (bool, bool) {
			if slices.Contains(s.Holders, key) {
				return true, false
			}
			fits := s.Left >= h.Seats && (h.Open == 0 || s.OpenLeft >= h.Open)
			if fits {
				s.Left, s.OpenLeft, s.Holders = s.Left-h.Seats, s.OpenLeft-h.Open, append(slices.Clip(s.Holders), key)
			}
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
		_, err := db.updateHold(ctx, coll, id, counter, update, func(s *holdState) (bool, bool) {
			held := slices.Contains(s.Holders, key)
			if held {
				s.Left, s.OpenLeft = s.Left+h.Seats, s.OpenLeft+h.Open
				s.Holders = slices.DeleteFunc(slices.Clone(s.Holders), func(k string) bool { return k == key })
			}
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
// the one process the embedded database serves, and keep the hold state of
// the documents they updated (by collection and id, each under its stripe's
// lock), so that a hold update reads the document only the first time.
type holdLocks [64]struct {
	sync.Mutex
	states map[string]heldState
}

// heldState is the hold state of a document as this process last wrote it,
// with the counter it holds: an event holds places and stands under one
// list of holders, so the state of one counter is kept only until the other
// is written.
type heldState struct {
	counter string
	holdState
}

// heldStates is how many documents' hold states a stripe keeps before
// forgetting them all (a re-read costs one lookup): a few thousand sessions
// and events are booked at a time.
const heldStates = 256

func (l *holdLocks) of(id string) *sync.Mutex {
	return &l[stripe(id)].Mutex
}

func stripe(id string) int {
	h := fnv.New32a()
	_, _ = h.Write([]byte(id))
	return int(h.Sum32() % uint32(len(holdLocks{})))
}

// updateHold is the conditional hold update on the embedded database:
// FerretDB pushes only a filter of exactly {_id} down to SQLite and decodes
// every document for any other (400 ms a booking at scale 20, the booking
// path's whole cost), so the condition is checked in Go on the document's
// hold state, and the update applied by _id, both under the document's
// lock. That is as atomic as the conditional update: the embedded database
// serves one process (DESIGN.md), and every write of a hold counter or list
// goes through here, which is also why the state this process last wrote is
// the document's, and is kept rather than read again (one round trip less a
// booking); a failed write forgets it. check says whether the document
// answers yes and whether to write, and changes the state as the update
// does; a missing document answers no.
func (db *DB) updateHold(ctx context.Context, coll *mongo.Collection, id, counter string, update bson.D, check func(*holdState) (yes, write bool)) (bool, error) {
	lock, key := &db.seatLocks[stripe(id)], coll.Name()+"/"+id
	lock.Lock()
	defer lock.Unlock()
	kept, known := lock.states[key]
	known = known && kept.counter == counter
	s := kept.holdState
	if !known {
		projection := options.FindOne().SetProjection(bson.D{{Key: counter, Value: 1}, {Key: "open_left", Value: 1}, {Key: "holders", Value: 1}})
		raw, err := coll.FindOne(ctx, bson.D{{Key: "_id", Value: id}}, projection).Raw()
		if errors.Is(err, mongo.ErrNoDocuments) {
			return false, nil
		}
		if err != nil {
			return false, mapError(err)
		}
		s = readHoldState(raw, counter)
	}
	yes, write := check(&s)
	if write {
		if _, err := coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, update); err != nil {
			delete(lock.states, key) // the write may have applied or not: read it again
			return false, mapError(err)
		}
	}
	if lock.states == nil || len(lock.states) >= heldStates && !known {
		lock.states = map[string]heldState{}
	}
	lock.states[key] = heldState{counter, s}
	return yes, nil
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

// moveStatusByID is moveStatus on the embedded database, which decodes the
// whole collection for a filter other than {_id} (every booking, on each
// cancellation): the status is checked in Go on the document read by _id,
// and the update applied by _id, both under the document's lock. It is as
// atomic as moveStatus for documents whose status moves only through here,
// as a booking's (MoveBooking).
func moveStatusByID[S ~string](ctx context.Context, db *DB, coll *mongo.Collection, id string, from []S, to S, set bson.D) (bool, error) {
	mu := db.seatLocks.of(id)
	mu.Lock()
	defer mu.Unlock()
	raw, err := coll.FindOne(ctx, bson.D{{Key: "_id", Value: id}}, options.FindOne().SetProjection(bson.D{{Key: "status", Value: 1}})).Raw()
	if errors.Is(err, mongo.ErrNoDocuments) {
		return false, nil
	}
	if err != nil {
		return false, mapError(err)
	}
	status, _ := raw.Lookup("status").StringValueOK()
	if !slices.Contains(from, S(status)) {
		return false, nil
	}
	_, err = coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, bson.D{{Key: "$set", Value: append(bson.D{{Key: "status", Value: to}}, set...)}})
	return err == nil, mapError(err)
}
