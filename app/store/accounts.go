package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/bson"

	"passerelle/app/domain"
)

// UserByID returns the user with this id.
func (db *DB) UserByID(ctx context.Context, id string) (*domain.User, error) {
	return findByID[domain.User](ctx, db.users(), id, "error.user.not_found")
}

// SetPasswordHash replaces the user's password hash.
func (db *DB) SetPasswordHash(ctx context.Context, userID, hash string) error {
	return db.setUserFields(ctx, userID, bson.D{{Key: "password_hash", Value: hash}})
}

// MarkEmailVerified records when the user proved they own their address;
// a later proof keeps the first date.
func (db *DB) MarkEmailVerified(ctx context.Context, userID string, at time.Time) error {
	filter := bson.D{{Key: "_id", Value: userID}, {Key: "email_verified_at", Value: nil}}
	_, err := db.users().UpdateOne(ctx, filter, bson.D{{Key: "$set", Value: bson.D{{Key: "email_verified_at", Value: at}}}})
	return mapError(err)
}

// setUserFields sets fields on one user, which must exist.
func (db *DB) setUserFields(ctx context.Context, userID string, fields bson.D) error {
	res, err := db.users().UpdateOne(ctx, bson.D{{Key: "_id", Value: userID}}, bson.D{{Key: "$set", Value: fields}})
	if err != nil {
		return mapError(err)
	}
	if res.MatchedCount == 0 {
		return &domain.Error{Code: domain.ENOTFOUND, Message: "error.user.not_found"}
	}
	return nil
}

// AddUserOrganisation makes the user a member of the organisation; being
// one already is no error.
func (db *DB) AddUserOrganisation(ctx context.Context, userID, orgID string) error {
	res, err := db.users().UpdateOne(ctx, bson.D{{Key: "_id", Value: userID}},
		bson.D{{Key: "$addToSet", Value: bson.D{{Key: "organisation_ids", Value: orgID}}}})
	if err != nil {
		return mapError(err)
	}
	if res.MatchedCount == 0 {
		return &domain.Error{Code: domain.ENOTFOUND, Message: "error.user.not_found"}
	}
	return nil
}

// OrganisationMembers returns the users who belong to the organisation.
func (db *DB) OrganisationMembers(ctx context.Context, orgID string) ([]domain.User, error) {
	return findAll[domain.User](ctx, db.users(), bson.D{{Key: "organisation_ids", Value: orgID}})
}
