package store

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

// SetOrganisationVerified records the staff's verification of an organisation.
func (db *DB) SetOrganisationVerified(ctx context.Context, id string, verified bool) error {
	return updateExisting(ctx, db.organisations(), bson.D{{Key: "_id", Value: id}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "verified", Value: verified}}}},
		&domain.Error{Code: domain.ENOTFOUND, Message: "error.organisation.not_found"})
}

// Organisations returns every organisation in the order of the back
// office's list, those waiting for verification first, then the newest:
// the list is kept in memory and searched there (a page and its count
// were two scans of the collection on the embedded database).
func (db *DB) Organisations(ctx context.Context) ([]domain.Organisation, error) {
	order := bson.D{{Key: "verified", Value: 1}, {Key: "created_at", Value: -1}, {Key: "_id", Value: 1}}
	return findAll[domain.Organisation](ctx, db.organisations(), bson.D{}, options.Find().SetSort(order))
}

// OrganisationsByIDs returns the organisations with these ids.
func (db *DB) OrganisationsByIDs(ctx context.Context, ids []string) ([]domain.Organisation, error) {
	return findByIDs[domain.Organisation](ctx, db, db.organisations(), ids)
}
