package store

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
)

// TakeSeats takes a booking's seats on its session in one atomic conditional
// update: seats_left never goes below zero whatever the concurrency, and
// with openShare the open counter (seats outside the share reserved for
// priority education) is checked and decremented in the same update. The
// booking is recorded among the holders, so taking again is a no-op. It
// reports whether the booking now holds its seats.
func (db *DB) TakeSeats(ctx context.Context, sessionID, bookingID string, n int, openShare bool) (bool, error) {
	filter := bson.D{{Key: "_id", Value: sessionID}, {Key: "seats_left", Value: bson.D{{Key: "$gte", Value: n}}},
		{Key: "holders", Value: bson.D{{Key: "$ne", Value: bookingID}}}}
	inc := bson.D{{Key: "seats_left", Value: -n}}
	if openShare {
		filter = append(filter, bson.E{Key: "open_left", Value: bson.D{{Key: "$gte", Value: n}}})
		inc = append(inc, bson.E{Key: "open_left", Value: -n})
	}
	update := bson.D{{Key: "$inc", Value: inc}, {Key: "$push", Value: bson.D{{Key: "holders", Value: bookingID}}}}
	res, err := db.sessions().UpdateOne(ctx, filter, update)
	if err != nil {
		return false, mapError(err)
	}
	if res.MatchedCount == 1 {
		return true, nil
	}
	n64, err := db.sessions().CountDocuments(ctx, bson.D{{Key: "_id", Value: sessionID}, {Key: "holders", Value: bookingID}})
	return n64 == 1, mapError(err)
}

// ReleaseSeats gives back the seats a booking holds (openSeats of them to the
// open counter), once: releasing again is a no-op.
func (db *DB) ReleaseSeats(ctx context.Context, sessionID, bookingID string, n, openSeats int) error {
	filter := bson.D{{Key: "_id", Value: sessionID}, {Key: "holders", Value: bookingID}}
	update := bson.D{{Key: "$inc", Value: bson.D{{Key: "seats_left", Value: n}, {Key: "open_left", Value: openSeats}}},
		{Key: "$pull", Value: bson.D{{Key: "holders", Value: bookingID}}}}
	_, err := db.sessions().UpdateOne(ctx, filter, update)
	return mapError(err)
}
