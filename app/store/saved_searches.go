package store

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

const savedSearchesCollection = "saved_searches"

func (db *DB) savedSearches() *mongo.Collection { return db.db.Collection(savedSearchesCollection) }

var errSavedSearchNotFound = &domain.Error{Code: domain.ENOTFOUND, Message: "error.saved_search.not_found"}

// InsertSavedSearch stores s; its slot taken already is a conflict.
func (db *DB) InsertSavedSearch(ctx context.Context, s domain.SavedSearch) error {
	_, err := db.savedSearches().InsertOne(ctx, s)
	return mapError(err)
}

// InsertSavedSearches stores many saved searches at once (demo data).
func (db *DB) InsertSavedSearches(ctx context.Context, searches []domain.SavedSearch) error {
	if len(searches) == 0 {
		return nil
	}
	docs := make([]any, len(searches))
	for i, s := range searches {
		docs[i] = s
	}
	_, err := db.savedSearches().InsertMany(ctx, docs)
	return mapError(err)
}

// SavedSearchesOfYouth returns the youth's saved searches, oldest first.
func (db *DB) SavedSearchesOfYouth(ctx context.Context, youthID string) ([]domain.SavedSearch, error) {
	return findAll[domain.SavedSearch](ctx, db.savedSearches(), bson.D{{Key: "youth_id", Value: youthID}},
		options.Find().SetSort(bson.D{{Key: "created_at", Value: 1}}))
}

// SavedSearchesInDigest returns every saved search followed in the weekly
// digest, in one query for all youths.
func (db *DB) SavedSearchesInDigest(ctx context.Context) ([]domain.SavedSearch, error) {
	return findAll[domain.SavedSearch](ctx, db.savedSearches(), bson.D{{Key: "digest", Value: true}},
		options.Find().SetSort(bson.D{{Key: "created_at", Value: 1}}))
}

// DeleteSavedSearch removes the youth's saved search; another youth's is
// not found.
func (db *DB) DeleteSavedSearch(ctx context.Context, youthID, id string) error {
	res, err := db.savedSearches().DeleteOne(ctx, bson.D{{Key: "_id", Value: id}, {Key: "youth_id", Value: youthID}})
	if err == nil && res.DeletedCount == 0 {
		return errSavedSearchNotFound
	}
	return mapError(err)
}

// SetSavedSearchDigest says whether the youth's saved search is followed in
// their weekly digest.
func (db *DB) SetSavedSearchDigest(ctx context.Context, youthID, id string, on bool) error {
	return updateExisting(ctx, db.savedSearches(), bson.D{{Key: "_id", Value: id}, {Key: "youth_id", Value: youthID}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "digest", Value: on}}}}, errSavedSearchNotFound)
}

// DeleteSavedSearchesOfYouth removes all the youth's saved searches, when
// their account is deleted.
func (db *DB) DeleteSavedSearchesOfYouth(ctx context.Context, youthID string) error {
	_, err := db.savedSearches().DeleteMany(ctx, bson.D{{Key: "youth_id", Value: youthID}})
	return mapError(err)
}
