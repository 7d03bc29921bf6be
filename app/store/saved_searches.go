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

func savedSearchOfYouth(s *domain.SavedSearch) (string, string) { return s.ID, s.YouthID }

// InsertSavedSearch stores s, on its youth's shelf first; its slot taken
// already is a conflict, after which the slot's search is shelved again with
// its own date, its place in the list.
func (db *DB) InsertSavedSearch(ctx context.Context, s domain.SavedSearch) error {
	err := db.InsertSavedSearches(ctx, []domain.SavedSearch{s})
	if domain.ErrorCode(err) != domain.ECONFLICT {
		return err
	}
	if kept, e := findByID[domain.SavedSearch](ctx, db, db.savedSearches(), s.ID, errSavedSearchNotFound.Message); e == nil {
		if e := db.shelveSavedSearches(ctx, []domain.SavedSearch{*kept}); e != nil {
			return e
		}
	}
	return err
}

func (db *DB) shelveSavedSearches(ctx context.Context, searches []domain.SavedSearch) error {
	items := make([]shelfItem, len(searches))
	for i, s := range searches {
		items[i] = shelfItem{savedSearchesOfYouths, s.YouthID, shelved{ID: s.ID, CreatedAt: s.CreatedAt}}
	}
	return shelve(ctx, db.shelves(), items)
}

// InsertSavedSearches stores many saved searches at once (demo data).
func (db *DB) InsertSavedSearches(ctx context.Context, searches []domain.SavedSearch) error {
	if len(searches) == 0 {
		return nil
	}
	if err := db.shelveSavedSearches(ctx, searches); err != nil {
		return err
	}
	docs := make([]any, len(searches))
	for i, s := range searches {
		docs[i] = s
	}
	_, err := db.savedSearches().InsertMany(ctx, docs)
	return mapError(err)
}

// SavedSearchesOfYouth returns the youth's saved searches, oldest first,
// from their shelf: at most MaxSavedSearches reads by _id.
func (db *DB) SavedSearchesOfYouth(ctx context.Context, youthID string) ([]domain.SavedSearch, error) {
	return shelvedAll(ctx, db, savedSearchesOfYouths, db.savedSearches(), []string{youthID}, savedSearchOfYouth)
}

// SavedSearchesInDigest returns every saved search followed in the weekly
// digest, in one query for all youths.
func (db *DB) SavedSearchesInDigest(ctx context.Context) ([]domain.SavedSearch, error) {
	return findAll[domain.SavedSearch](ctx, db.savedSearches(), bson.D{{Key: "digest", Value: true}},
		options.Find().SetSort(bson.D{{Key: "created_at", Value: 1}}))
}

// DeleteSavedSearch removes the youth's saved search, then takes it off
// their shelf (a crash in between leaves an id the list skips); another
// youth's is not found. The id names its youth (domain.SavedSearchID): the
// filter is the _id alone, which the embedded database reads without
// decoding the collection.
func (db *DB) DeleteSavedSearch(ctx context.Context, youthID, id string) error {
	if !domain.IsSavedSearchOf(youthID, id) {
		return errSavedSearchNotFound
	}
	res, err := db.savedSearches().DeleteOne(ctx, bson.D{{Key: "_id", Value: id}})
	if err != nil {
		return mapError(err)
	}
	if res.DeletedCount == 0 {
		return errSavedSearchNotFound
	}
	return db.unshelve(ctx, savedSearchesOfYouths, youthID, id)
}

// SetSavedSearchDigest says whether the youth's saved search is followed in
// their weekly digest; another youth's is not found.
func (db *DB) SetSavedSearchDigest(ctx context.Context, youthID, id string, on bool) error {
	if !domain.IsSavedSearchOf(youthID, id) {
		return errSavedSearchNotFound
	}
	return updateExisting(ctx, db.savedSearches(), bson.D{{Key: "_id", Value: id}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "digest", Value: on}}}}, errSavedSearchNotFound)
}

// DeleteSavedSearchesOfYouth removes all the youth's saved searches and
// takes them off their shelf, when their account is deleted.
func (db *DB) DeleteSavedSearchesOfYouth(ctx context.Context, youthID string) error {
	return db.deleteShelvedOf(ctx, savedSearchesOfYouths, db.savedSearches(), youthID)
}
