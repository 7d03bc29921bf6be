package store

import "context"

// ApplyRetentionMigrations runs again the migrations that prepare data
// kept before the closing and retention jobs existed.
func (db *DB) ApplyRetentionMigrations(ctx context.Context) error {
	if err := markClosedCalls(ctx, db.db); err != nil {
		return err
	}
	return markUnknownSignIns(ctx, db.db)
}
