package store

import (
	"context"

	"go.mongodb.org/mongo-driver/mongo"

	"passerelle/app/domain"
)

const youthsCollection = "youths"

func (db *DB) youths() *mongo.Collection { return db.db.Collection(youthsCollection) }

// InsertYouths inserts youth profiles in one round trip.
func (db *DB) InsertYouths(ctx context.Context, youths []domain.Youth) error {
	return insertAll(ctx, db.youths(), youths)
}

// YouthByID returns the profile of the youth whose user id is id.
func (db *DB) YouthByID(ctx context.Context, id string) (*domain.Youth, error) {
	return findByID[domain.Youth](ctx, db.youths(), id, "error.youth.not_found")
}
