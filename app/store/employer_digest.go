package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/bson"

	"passerelle/app/domain"
)

// The employer digest reads these once for every organisation and groups
// them in Go: a query per organisation would scan the collection each time.

// ApplicationsCreatedBetween returns the applications sent in [from, to).
func (db *DB) ApplicationsCreatedBetween(ctx context.Context, from, to time.Time) ([]domain.Application, error) {
	return findAll[domain.Application](ctx, db.applications(), between("created_at", from, to))
}

// BookingsChangedBetween returns the bookings made, or cancelled, in
// [from, to).
func (db *DB) BookingsChangedBetween(ctx context.Context, from, to time.Time) ([]domain.Booking, error) {
	cancelled := append(between("updated_at", from, to), bson.E{Key: "status", Value: domain.BookingCancelled})
	filter := bson.D{{Key: "$or", Value: bson.A{between("created_at", from, to), cancelled}}}
	return findAll[domain.Booking](ctx, db.bookings(), filter)
}

// VisitSessionsByIDs returns the sessions with these ids, whatever their
// offer's status.
func (db *DB) VisitSessionsByIDs(ctx context.Context, ids []string) ([]domain.VisitSession, error) {
	return findByIDs[domain.VisitSession](ctx, db, db.sessions(), ids)
}

// MembersOf returns the users who belong to any of the organisations.
func (db *DB) MembersOf(ctx context.Context, orgIDs []string) ([]domain.User, error) {
	return findAll[domain.User](ctx, db.users(), in("organisation_ids", orgIDs))
}

func between(field string, from, to time.Time) bson.D {
	return bson.D{{Key: field, Value: bson.D{{Key: "$gte", Value: from}, {Key: "$lt", Value: to}}}}
}
