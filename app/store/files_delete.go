package store

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/mongo/gridfs"
)

// DeleteFile removes the file stored under id; a missing file is no error,
// so that cleaning up after a failed write may be retried.
func (db *DB) DeleteFile(ctx context.Context, id string) error {
	b, err := db.bucket()
	if err != nil {
		return mapError(err)
	}
	if err := b.DeleteContext(ctx, id); err != nil && !errors.Is(err, gridfs.ErrFileNotFound) {
		return mapError(err)
	}
	return nil
}
