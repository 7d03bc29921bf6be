package store

import (
	"context"

	"passerelle/app/domain"
)

// InsertBookings saves bookings in one round trip, for the demo data set;
// the caller keeps their sessions' counters and holders consistent.
func (db *DB) InsertBookings(ctx context.Context, bookings []domain.Booking) error {
	if err := db.shelveBookings(ctx, bookings); err != nil {
		return err
	}
	return insertAll(ctx, db.bookings(), bookings)
}

// InsertApplications saves applications in one round trip, for the demo
// data set; the caller keeps the accepted ones' places consistent.
func (db *DB) InsertApplications(ctx context.Context, applications []domain.Application) error {
	if err := db.shelveApplications(ctx, applications); err != nil {
		return err
	}
	return insertAll(ctx, db.applications(), applications)
}

// InsertGrants saves grant applications in one round trip, for the demo
// data set; their attachments' bytes are stored apart with PutFile.
func (db *DB) InsertGrants(ctx context.Context, grants []domain.GrantApplication) error {
	return insertAll(ctx, db.grants(), grants)
}
