package store

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

// EmailPreferences returns the preferences of those of emails that have
// some, in one query: a digest job reads them all before queuing.
func (db *DB) EmailPreferences(ctx context.Context, emails []string) (map[string]domain.EmailPreferences, error) {
	filter := bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: emails}}}}
	list, err := findAll[domain.EmailPreferences](ctx, db.db.Collection(emailPreferencesCollection), filter)
	prefs := make(map[string]domain.EmailPreferences, len(list))
	for _, p := range list {
		prefs[p.Email] = p
	}
	return prefs, err
}

// SaveEmailPreferences replaces the preferences of one address.
func (db *DB) SaveEmailPreferences(ctx context.Context, p domain.EmailPreferences) error {
	_, err := db.db.Collection(emailPreferencesCollection).ReplaceOne(ctx, bson.D{{Key: "_id", Value: p.Email}}, p,
		options.Replace().SetUpsert(true))
	return mapError(err)
}
