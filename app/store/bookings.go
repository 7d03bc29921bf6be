package store

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

const bookingsCollection = "bookings"

func (db *DB) bookings() *mongo.Collection { return db.db.Collection(bookingsCollection) }

// InsertBooking saves a new booking, on its counsellor's shelf first; an id
// already used is a conflict.
func (db *DB) InsertBooking(ctx context.Context, b *domain.Booking) error {
	if err := db.shelveBookings(ctx, []domain.Booking{*b}); err != nil {
		return err
	}
	_, err := db.bookings().InsertOne(ctx, b)
	return mapError(err)
}

func (db *DB) shelveBookings(ctx context.Context, bookings []domain.Booking) error {
	items := make([]shelfItem, 0, 2*len(bookings))
	for _, b := range bookings {
		it := shelved{ID: b.ID, CreatedAt: b.CreatedAt}
		items = append(items, shelfItem{bookingsOfCounsellors, b.CounsellorID, it}, shelfItem{bookingsOfSessions, b.SessionID, it})
	}
	return shelve(ctx, db.shelves(), items)
}

// BookingByID returns the booking with this id.
func (db *DB) BookingByID(ctx context.Context, id string) (*domain.Booking, error) {
	return findByID[domain.Booking](ctx, db, db.bookings(), id, "error.booking.not_found")
}

// MoveBooking changes a booking's status if it is still in one of from,
// with what the change records, and reports whether it applied; on the
// embedded database, by _id (no scan of the bookings), every move of a
// booking's status going through here.
func (db *DB) MoveBooking(ctx context.Context, id string, from []domain.BookingStatus, to domain.BookingStatus, change domain.BookingChange) (bool, error) {
	if db.ferret != nil {
		return moveStatusByID(ctx, db, db.bookings(), id, from, to, bookingChange(change))
	}
	return moveStatus(ctx, db.bookings(), id, from, to, bookingChange(change))
}

// Bookings returns every booking the filter picks, for a waitlist, a repair
// or an export; a session's, oldest first, from its shelf.
func (db *DB) Bookings(ctx context.Context, f domain.BookingFilter) ([]domain.Booking, error) {
	if f.SessionID != "" && !f.NewestFirst && f.OfferID == "" && f.CounsellorID == "" && f.OrganisationIDs == nil && f.Status == "" {
		return shelvedAll(ctx, db, bookingsOfSessions, db.bookings(), []string{f.SessionID},
			func(b *domain.Booking) (string, string) { return b.ID, b.SessionID })
	}
	return findAll[domain.Booking](ctx, db.bookings(), bookingFilter(f), options.Find().SetSort(bookingOrder(f)))
}

// BookingsPage returns one page of the bookings the filter picks; a
// counsellor's, newest first, from their shelf.
func (db *DB) BookingsPage(ctx context.Context, f domain.BookingFilter, r domain.PageRequest) (domain.Page[domain.Booking], error) {
	if f.CounsellorID != "" && f.NewestFirst && f.SessionID == "" && f.OfferID == "" && f.OrganisationIDs == nil && f.Status == "" {
		return shelfPage(ctx, db, bookingsOfCounsellors, db.bookings(), []string{f.CounsellorID}, r, func(b *domain.Booking) (string, string) { return b.ID, b.CounsellorID })
	}
	return findPage[domain.Booking](ctx, db.bookings(), bookingFilter(f), bookingOrder(f), r)
}

// RenameBookingsCounsellor puts name in place of the counsellor's name and
// address on their bookings for one structure, when their account is
// deleted: the bookings keep their seats, the visits still happen.
func (db *DB) RenameBookingsCounsellor(ctx context.Context, counsellorID, structureID, name string) error {
	filter := bson.D{{Key: "counsellor_id", Value: counsellorID}, {Key: "structure_id", Value: structureID}}
	_, err := db.bookings().UpdateMany(ctx, filter, bson.D{{Key: "$set", Value: bson.D{
		{Key: "counsellor_name", Value: name}, {Key: "counsellor_email", Value: ""}}}})
	return mapError(err)
}

// BookingsOfSessions returns the bookings of these sessions in one query,
// oldest first.
func (db *DB) BookingsOfSessions(ctx context.Context, sessionIDs []string) ([]domain.Booking, error) {
	if len(sessionIDs) == 0 {
		return nil, nil
	}
	opts := options.Find().SetSort(bson.D{{Key: "created_at", Value: 1}, {Key: "_id", Value: 1}})
	filter := bson.D{{Key: "session_id", Value: bson.D{{Key: "$in", Value: sessionIDs}}}}
	return findAll[domain.Booking](ctx, db.bookings(), filter, opts)
}

// BookingTallies counts the bookings and their seats per status, in one
// aggregation grouped by status and group size (the embedded engine does
// not sum a field), a few rows whatever the number of bookings.
func (db *DB) BookingTallies(ctx context.Context) ([]domain.BookingTally, error) {
	cur, err := db.bookings().Aggregate(ctx, mongo.Pipeline{{{Key: "$group", Value: bson.D{
		{Key: "_id", Value: bson.D{{Key: "status", Value: "$status"}, {Key: "seats", Value: "$seats"}}},
		{Key: "n", Value: bson.D{{Key: "$sum", Value: 1}}}}}}})
	if err != nil {
		return nil, mapError(err)
	}
	var rows []struct {
		ID struct {
			Status domain.BookingStatus `bson:"status"`
			Seats  int                  `bson:"seats"`
		} `bson:"_id"`
		N int `bson:"n"`
	}
	if err := cur.All(ctx, &rows); err != nil {
		return nil, mapError(err)
	}
	tallies := []domain.BookingTally{}
	index := map[domain.BookingStatus]int{}
	for _, r := range rows {
		i, ok := index[r.ID.Status]
		if !ok {
			i, index[r.ID.Status] = len(tallies), len(tallies)
			tallies = append(tallies, domain.BookingTally{Status: r.ID.Status})
		}
		tallies[i].Bookings += r.N
		tallies[i].Seats += r.N * r.ID.Seats
	}
	return tallies, nil
}

// BookingsByIDs returns the bookings among ids that exist, in one query.
func (db *DB) BookingsByIDs(ctx context.Context, ids []string) ([]domain.Booking, error) {
	return findByIDs[domain.Booking](ctx, db, db.bookings(), ids)
}
