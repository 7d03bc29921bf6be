package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"

	"passerelle/app/domain"
)

const apiKeysCollection = "api_keys"

func (db *DB) apiKeys() *mongo.Collection { return db.db.Collection(apiKeysCollection) }

// InsertAPIKey records a new partner API key.
func (db *DB) InsertAPIKey(ctx context.Context, k domain.APIKey) error {
	return insertAll(ctx, db.apiKeys(), []domain.APIKey{k})
}

// APIKeyByID returns the key with this id: the one lookup each request
// signed with a key costs, by _id.
func (db *DB) APIKeyByID(ctx context.Context, id string) (*domain.APIKey, error) {
	return findByID[domain.APIKey](ctx, db, db.apiKeys(), id, "error.apikey.not_found")
}

// APIKeysPage returns a page of the keys, the newest first.
func (db *DB) APIKeysPage(ctx context.Context, r domain.PageRequest) (domain.Page[domain.APIKey], error) {
	return findPage[domain.APIKey](ctx, db.apiKeys(), bson.D{}, bson.D{{Key: "created_at", Value: -1}, {Key: "_id", Value: 1}}, r)
}

// RevokeAPIKey revokes a key still in use; one revoked already is a
// conflict, so that two agents revoking at once record one revocation.
func (db *DB) RevokeAPIKey(ctx context.Context, id, by string, at time.Time) error {
	err := updateExisting(ctx, db.apiKeys(), bson.D{{Key: "_id", Value: id}, {Key: "revoked_at", Value: bson.D{{Key: "$exists", Value: false}}}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "revoked_at", Value: at}, {Key: "revoked_by", Value: by}}}}, errAPIKeyRevoked)
	if err == errAPIKeyRevoked {
		if _, err := db.APIKeyByID(ctx, id); err != nil {
			return err
		}
	}
	return err
}

var errAPIKeyRevoked = &domain.Error{Code: domain.ECONFLICT, Message: "error.apikey.revoked_already"}

// TouchAPIKey records when a key was last used.
func (db *DB) TouchAPIKey(ctx context.Context, id string, at time.Time) error {
	_, err := db.apiKeys().UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, bson.D{{Key: "$set", Value: bson.D{{Key: "last_used_at", Value: at}}}})
	return mapError(err)
}

// OrganisationByLegalID returns the organisation whose SIRET, RNA or UAI is
// id: how staff name the organisation a partner's key acts for.
func (db *DB) OrganisationByLegalID(ctx context.Context, id string) (*domain.Organisation, error) {
	var o domain.Organisation
	err := db.organisations().FindOne(ctx, bson.D{{Key: "$or", Value: bson.A{
		bson.D{{Key: "siret", Value: id}}, bson.D{{Key: "rna", Value: id}}, bson.D{{Key: "uai", Value: id}}}}}).Decode(&o)
	if err != nil {
		return nil, notFoundAs(err, "error.apikey.organisation_unknown")
	}
	return &o, nil
}
