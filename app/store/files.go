package store

import (
	"bytes"
	"context"
	"errors"
	"io"
	"time"

	"go.mongodb.org/mongo-driver/mongo/gridfs"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

// filesBucket holds uploaded files (grant attachments), in GridFS so that
// every replica of the web process sees them.
const filesBucket = "files"

func (db *DB) bucket() (*gridfs.Bucket, error) {
	return gridfs.NewBucket(db.db, options.GridFSBucket().SetName(filesBucket))
}

// PutFile stores a file's bytes under id.
func (db *DB) PutFile(ctx context.Context, id, name string, data []byte) error {
	b, err := db.bucket()
	if err != nil {
		return mapError(err)
	}
	opts := options.GridFSUpload()
	up, err := b.OpenUploadStreamWithID(id, name, opts)
	if err != nil {
		return mapError(err)
	}
	_ = up.SetWriteDeadline(deadline(ctx))
	if _, err := up.Write(data); err != nil {
		_ = up.Abort()
		return mapError(err)
	}
	return mapError(up.Close())
}

// ReadFile returns the bytes stored under id.
func (db *DB) ReadFile(ctx context.Context, id string) ([]byte, error) {
	b, err := db.bucket()
	if err != nil {
		return nil, mapError(err)
	}
	down, err := b.OpenDownloadStream(id)
	if errors.Is(err, gridfs.ErrFileNotFound) {
		return nil, &domain.Error{Code: domain.ENOTFOUND, Message: "error.attachment.not_found"}
	}
	if err != nil {
		return nil, mapError(err)
	}
	defer down.Close()
	_ = down.SetReadDeadline(deadline(ctx))
	var buf bytes.Buffer
	_, err = io.Copy(&buf, down)
	return buf.Bytes(), mapError(err)
}

// deadline is ctx's deadline, or none: GridFS streams take a deadline
// instead of a context.
func deadline(ctx context.Context) time.Time {
	d, _ := ctx.Deadline()
	return d
}
