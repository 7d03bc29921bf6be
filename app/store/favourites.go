package store

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

const favouritesCollection = "favourites"

func (db *DB) favourites() *mongo.Collection { return db.db.Collection(favouritesCollection) }

// SaveFavourite stores f; saving it again changes nothing but its date.
func (db *DB) SaveFavourite(ctx context.Context, f domain.Favourite) error {
	_, err := db.favourites().ReplaceOne(ctx, bson.D{{Key: "_id", Value: f.ID}}, f, options.Replace().SetUpsert(true))
	return mapError(err)
}

// DeleteFavourite removes a favourite; a missing one is no error.
func (db *DB) DeleteFavourite(ctx context.Context, id string) error {
	_, err := db.favourites().DeleteOne(ctx, bson.D{{Key: "_id", Value: id}})
	return mapError(err)
}

// FavouritesOfYouth returns the favourites of a youth, newest first.
func (db *DB) FavouritesOfYouth(ctx context.Context, youthID string) ([]domain.Favourite, error) {
	return findAll[domain.Favourite](ctx, db.favourites(), bson.D{{Key: "youth_id", Value: youthID}},
		options.Find().SetSort(bson.D{{Key: "created_at", Value: -1}}))
}

// DeleteFavouritesOfYouth removes all the youth's favourites, when their
// account is deleted.
func (db *DB) DeleteFavouritesOfYouth(ctx context.Context, youthID string) error {
	_, err := db.favourites().DeleteMany(ctx, bson.D{{Key: "youth_id", Value: youthID}})
	return mapError(err)
}
