package store

import (
	"context"

	"go.mongodb.org/mongo-driver/mongo"

	"passerelle/app/domain"
)

const organisationsCollection = "organisations"

func (db *DB) organisations() *mongo.Collection { return db.db.Collection(organisationsCollection) }

// InsertOrganisations inserts organisations in one round trip; a SIRET or UAI
// already registered is a conflict.
func (db *DB) InsertOrganisations(ctx context.Context, orgs []domain.Organisation) error {
	return insertAll(ctx, db.organisations(), orgs)
}

// OrganisationByID returns the organisation with this id.
func (db *DB) OrganisationByID(ctx context.Context, id string) (*domain.Organisation, error) {
	return findByID[domain.Organisation](ctx, db, db.organisations(), id, "error.organisation.not_found")
}
