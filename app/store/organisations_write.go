package store

import (
	"context"
	"regexp"

	"go.mongodb.org/mongo-driver/bson"

	"passerelle/app/domain"
)

// SetOrganisationVerified records the staff's verification of an organisation.
func (db *DB) SetOrganisationVerified(ctx context.Context, id string, verified bool) error {
	return updateExisting(ctx, db.organisations(), bson.D{{Key: "_id", Value: id}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "verified", Value: verified}}}},
		&domain.Error{Code: domain.ENOTFOUND, Message: "error.organisation.not_found"})
}

// OrganisationsPage returns, for the back-office, a page of the
// organisations whose name contains q or whose identifier is q (all when q
// is empty), those waiting for verification first.
func (db *DB) OrganisationsPage(ctx context.Context, q string, r domain.PageRequest) (domain.Page[domain.Organisation], error) {
	sort := bson.D{{Key: "verified", Value: 1}, {Key: "created_at", Value: -1}, {Key: "_id", Value: 1}}
	return findPage[domain.Organisation](ctx, db.organisations(), organisationsMatching(q), sort, r)
}

func organisationsMatching(q string) bson.D {
	if q == "" {
		return bson.D{}
	}
	return bson.D{{Key: "$or", Value: bson.A{
		bson.D{{Key: "name", Value: bson.D{{Key: "$regex", Value: regexp.QuoteMeta(q)}, {Key: "$options", Value: "i"}}}},
		bson.D{{Key: "siret", Value: q}}, bson.D{{Key: "uai", Value: q}}, bson.D{{Key: "rna", Value: q}},
	}}}
}

// OrganisationsByIDs returns the organisations with these ids.
func (db *DB) OrganisationsByIDs(ctx context.Context, ids []string) ([]domain.Organisation, error) {
	return findByIDs[domain.Organisation](ctx, db, db.organisations(), ids)
}
