package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo/options"

	"go.mongodb.org/mongo-driver/mongo"

	"passerelle/app/domain"
)

const youthsCollection = "youths"

func (db *DB) youths() *mongo.Collection { return db.db.Collection(youthsCollection) }

// InsertYouths inserts youth profiles in one round trip, on their
// structures' shelves first.
func (db *DB) InsertYouths(ctx context.Context, youths []domain.Youth) error {
	if err := db.shelveYouths(ctx, youths); err != nil {
		return err
	}
	return insertAll(ctx, db.youths(), youths)
}

func (db *DB) shelveYouths(ctx context.Context, youths []domain.Youth) error {
	items := make([]shelfItem, len(youths))
	for i, y := range youths {
		items[i] = shelfItem{youthsOfStructures, y.StructureID, shelved{ID: y.ID, Name: y.FirstName}}
	}
	return shelve(ctx, db.shelves(), items)
}

// shelvedYouth reads a profile's structure before a change moves it off
// its shelf; a profile not yet saved is on none.
func (db *DB) shelvedYouth(ctx context.Context, id string) (string, error) {
	y, err := db.YouthByID(ctx, id)
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	return y.StructureID, nil
}

// YouthByID returns the profile of the youth whose user id is id.
func (db *DB) YouthByID(ctx context.Context, id string) (*domain.Youth, error) {
	return findByID[domain.Youth](ctx, db, db.youths(), id, "error.youth.not_found")
}

// SaveYouth creates or replaces the profile y, moving it to its
// structure's shelf: on the new one before the write, off the old one after.
func (db *DB) SaveYouth(ctx context.Context, y domain.Youth) error {
	was, err := db.shelvedYouth(ctx, y.ID)
	if err != nil {
		return err
	}
	if err := db.shelveYouths(ctx, []domain.Youth{y}); err != nil {
		return err
	}
	if _, err := db.youths().ReplaceOne(ctx, bson.D{{Key: "_id", Value: y.ID}}, y, options.Replace().SetUpsert(true)); err != nil {
		return mapError(err)
	}
	if was == y.StructureID {
		return nil
	}
	return db.unshelve(ctx, youthsOfStructures, was, y.ID)
}

// SetGuardianConsent records a guardian's consent, only while the profile
// still names that guardian: a link sent to a replaced address is void.
func (db *DB) SetGuardianConsent(ctx context.Context, youthID, guardianEmail string, at time.Time) error {
	return updateExisting(ctx, db.youths(), bson.D{{Key: "_id", Value: youthID}, {Key: "guardian_email", Value: guardianEmail}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "guardian_consent_at", Value: at}}}},
		&domain.Error{Code: domain.EINVALID, Message: "error.token.invalid"})
}

// DeleteYouth deletes a youth profile; a missing one is no error.
func (db *DB) DeleteYouth(ctx context.Context, id string) error {
	was, err := db.shelvedYouth(ctx, id)
	if err != nil {
		return err
	}
	if _, err := db.youths().DeleteOne(ctx, bson.D{{Key: "_id", Value: id}}); err != nil {
		return mapError(err)
	}
	return db.unshelve(ctx, youthsOfStructures, was, id)
}

// VisibleYouths returns the profiles of the youths who opted in to be
// suggested to employers, without their guardian's address.
func (db *DB) VisibleYouths(ctx context.Context) ([]domain.Youth, error) {
	opts := options.Find().SetProjection(bson.D{{Key: "guardian_email", Value: 0}})
	return findAll[domain.Youth](ctx, db.youths(), bson.D{{Key: "visible_to_employers", Value: true}}, opts)
}
