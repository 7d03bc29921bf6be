package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

// InsertSession saves a new visit session.
func (db *DB) InsertSession(ctx context.Context, s *domain.VisitSession) error {
	_, err := db.sessions().InsertOne(ctx, s)
	return mapError(err)
}

// SessionsOfOffers returns the sessions of the given offers, soonest first,
// in one query.
func (db *DB) SessionsOfOffers(ctx context.Context, offerIDs []string) ([]domain.VisitSession, error) {
	filter := bson.D{{Key: "offer_id", Value: bson.D{{Key: "$in", Value: offerIDs}}}}
	return findAll[domain.VisitSession](ctx, db.sessions(), filter, options.Find().SetSort(soonestFirst))
}

// SessionsPage returns one page of an offer's sessions, soonest first.
func (db *DB) SessionsPage(ctx context.Context, offerID string, r domain.PageRequest) (domain.Page[domain.VisitSession], error) {
	return findPage[domain.VisitSession](ctx, db.sessions(), bson.D{{Key: "offer_id", Value: offerID}}, soonestFirst, r)
}

var soonestFirst = bson.D{{Key: "starts_at", Value: 1}, {Key: "_id", Value: 1}}

// UpcomingBookedSessions counts the sessions starting after now that hold a
// confirmed booking: it reads the ids of the sessions to come, not the past.
func (db *DB) UpcomingBookedSessions(ctx context.Context, now time.Time) (int, error) {
	upcoming, err := findAll[domain.VisitSession](ctx, db.sessions(), bson.D{{Key: "starts_at", Value: bson.D{{Key: "$gt", Value: now}}}},
		options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}}))
	if err != nil || len(upcoming) == 0 {
		return 0, err
	}
	booked, err := db.bookings().Distinct(ctx, "session_id", bson.D{{Key: "status", Value: domain.BookingConfirmed},
		{Key: "session_id", Value: bson.D{{Key: "$in", Value: sessionIDs(upcoming)}}}})
	return len(booked), mapError(err)
}
