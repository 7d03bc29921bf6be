package store

import (
	"context"
	"regexp"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"

	"passerelle/app/domain"
)

// UserByID returns the user with this id.
func (db *DB) UserByID(ctx context.Context, id string) (*domain.User, error) {
	return findByID[domain.User](ctx, db, db.users(), id, "error.user.not_found")
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

// SetUserLocale sets the language the platform writes to the user in.
func (db *DB) SetUserLocale(ctx context.Context, userID, locale string) error {
	return db.setUserFields(ctx, userID, bson.D{{Key: "locale", Value: locale}})
}

// setUserFields sets fields on one user, which must exist.
func (db *DB) setUserFields(ctx context.Context, userID string, fields bson.D) error {
	return updateExisting(ctx, db.users(), bson.D{{Key: "_id", Value: userID}}, bson.D{{Key: "$set", Value: fields}},
		errUserNotFound)
}

var errUserNotFound = &domain.Error{Code: domain.ENOTFOUND, Message: "error.user.not_found"}

// updateExisting applies update to the one document filter matches, and
// returns missing when none does.
func updateExisting(ctx context.Context, coll *mongo.Collection, filter, update bson.D, missing error) error {
	res, err := coll.UpdateOne(ctx, filter, update)
	if err != nil {
		return mapError(err)
	}
	if res.MatchedCount == 0 {
		return missing
	}
	return nil
}

// AddUserOrganisation makes the user a member of the organisation; being
// one already is no error.
func (db *DB) AddUserOrganisation(ctx context.Context, userID, orgID string) error {
	return updateExisting(ctx, db.users(), bson.D{{Key: "_id", Value: userID}},
		bson.D{{Key: "$addToSet", Value: bson.D{{Key: "organisation_ids", Value: orgID}}}}, errUserNotFound)
}

// OrganisationMembers returns the users who belong to the organisation.
func (db *DB) OrganisationMembers(ctx context.Context, orgID string) ([]domain.User, error) {
	return findAll[domain.User](ctx, db.users(), bson.D{{Key: "organisation_ids", Value: orgID}})
}

// UsersPage returns, for the back-office, a page of the users whose email
// or name contains q (every account when q is empty), the latest first.
func (db *DB) UsersPage(ctx context.Context, q string, r domain.PageRequest) (domain.Page[domain.User], error) {
	return findPage[domain.User](ctx, db.users(), usersMatching(q), newestFirst, r)
}

func usersMatching(q string) bson.D {
	if q == "" {
		return bson.D{}
	}
	pattern := bson.D{{Key: "$regex", Value: regexp.QuoteMeta(q)}, {Key: "$options", Value: "i"}}
	return bson.D{{Key: "$or", Value: bson.A{bson.D{{Key: "email", Value: pattern}}, bson.D{{Key: "name", Value: pattern}}}}}
}

// SetUserRoles replaces the user's roles.
func (db *DB) SetUserRoles(ctx context.Context, userID string, roles []domain.Role) error {
	return db.setUserFields(ctx, userID, bson.D{{Key: "roles", Value: roles}})
}

// SetUserSuspended suspends the user from at, or lifts the suspension when at is nil.
func (db *DB) SetUserSuspended(ctx context.Context, userID string, at *time.Time) error {
	return db.setUserFields(ctx, userID, bson.D{{Key: "suspended_at", Value: at}})
}

// AnonymiseUser replaces what identifies a deleted account, keeping the
// document that kept records (audit, grant files) refer to.
func (db *DB) AnonymiseUser(ctx context.Context, userID string, at time.Time) error {
	return updateExisting(ctx, db.users(), bson.D{{Key: "_id", Value: userID}}, bson.D{
		{Key: "$set", Value: bson.D{{Key: "email", Value: "supprime-" + userID + "@invalid"}, {Key: "name", Value: "Compte supprimé"},
			{Key: "deleted_at", Value: at}, {Key: "suspended_at", Value: at}}},
		{Key: "$unset", Value: bson.D{{Key: "password_hash", Value: ""}, {Key: "organisation_ids", Value: ""}}},
	}, errUserNotFound)
}
