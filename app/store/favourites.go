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

func favouriteOfYouth(f *domain.Favourite) (string, string) { return f.ID, f.YouthID }

// SaveFavourite stores f, on its youth's shelf first; saving it again
// changes nothing but its date (and its place on the shelf).
func (db *DB) SaveFavourite(ctx context.Context, f domain.Favourite) error {
	if err := db.shelveFavourites(ctx, []domain.Favourite{f}); err != nil {
		return err
	}
	_, err := db.favourites().ReplaceOne(ctx, bson.D{{Key: "_id", Value: f.ID}}, f, options.Replace().SetUpsert(true))
	return mapError(err)
}

func (db *DB) shelveFavourites(ctx context.Context, favourites []domain.Favourite) error {
	items := make([]shelfItem, len(favourites))
	for i, f := range favourites {
		items[i] = shelfItem{favouritesOfYouths, f.YouthID, shelved{ID: f.ID, CreatedAt: f.CreatedAt}}
	}
	return shelve(ctx, db.shelves(), items)
}

// DeleteFavourite removes the youth's favourite of the offer, then takes it
// off their shelf (a crash in between leaves an id the lists skip); a
// missing one is no error. A save racing with a removal of the same offer
// may leave the favourite off its shelf: the offer page shows it saved,
// and saving or removing it again sets the list right.
func (db *DB) DeleteFavourite(ctx context.Context, youthID, offerID string) error {
	id := domain.FavouriteID(youthID, offerID)
	if _, err := db.favourites().DeleteOne(ctx, bson.D{{Key: "_id", Value: id}}); err != nil {
		return mapError(err)
	}
	return db.unshelve(ctx, favouritesOfYouths, youthID, id)
}

// IsFavourite reports whether the youth saved the offer: one read by _id.
func (db *DB) IsFavourite(ctx context.Context, youthID, offerID string) (bool, error) {
	var f domain.Favourite
	return decodeByID(ctx, db, db.favourites(), domain.FavouriteID(youthID, offerID), &f)
}

// FavouritesOfYouth returns all the favourites of a youth, newest first,
// from their shelf (the data export).
func (db *DB) FavouritesOfYouth(ctx context.Context, youthID string) ([]domain.Favourite, error) {
	return shelvedAll(ctx, db, favouritesOfYouths, db.favourites(), []string{youthID}, favouriteOfYouth)
}

// FavouritesOfYouthPage returns one page of the youth's favourites, newest
// first, from their shelf.
func (db *DB) FavouritesOfYouthPage(ctx context.Context, youthID string, r domain.PageRequest) (domain.Page[domain.Favourite], error) {
	return shelfPage(ctx, db, favouritesOfYouths, db.favourites(), []string{youthID}, r, favouriteOfYouth)
}

// DeleteFavouritesOfYouth removes all the youth's favourites and takes
// them off their shelf, when their account is deleted.
func (db *DB) DeleteFavouritesOfYouth(ctx context.Context, youthID string) error {
	return db.deleteShelvedOf(ctx, favouritesOfYouths, db.favourites(), youthID)
}

// deleteShelvedOf removes an owner's documents of a shelf's collection, then
// takes them off the shelf (a crash in between leaves ids the lists skip).
// The filter on the owner decodes the whole collection on the embedded
// database: it serves account deletion only, which is rare.
func (db *DB) deleteShelvedOf(ctx context.Context, s shelf, coll *mongo.Collection, owner string) error {
	items, err := db.shelfItems(ctx, s, []string{owner})
	if err != nil {
		return err
	}
	if _, err := coll.DeleteMany(ctx, bson.D{{Key: s.owner, Value: owner}}); err != nil {
		return mapError(err)
	}
	for _, it := range items {
		if err := db.unshelve(ctx, s, owner, it.ID); err != nil {
			return err
		}
	}
	return nil
}
