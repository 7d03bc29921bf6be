package store

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

const youthDiscoveriesCollection = "youth_discoveries"

func (db *DB) youthDiscoveries() *mongo.Collection {
	return db.db.Collection(youthDiscoveriesCollection)
}

// YouthDiscoveries lists every family already claimed for a youth's digest
// (a few per youth, read with the youths by the weekly digest).
func (db *DB) YouthDiscoveries(ctx context.Context) ([]domain.YouthDiscovery, error) {
	return findAll[domain.YouthDiscovery](ctx, db.youthDiscoveries(), bson.D{})
}

// ClaimYouthDiscoveries records, in one round trip, that these families go
// into these digests, replacing an unconfirmed claim of an earlier digest
// that was never queued.
func (db *DB) ClaimYouthDiscoveries(ctx context.Context, claims []domain.YouthDiscovery) error {
	if len(claims) == 0 {
		return nil
	}
	models := make([]mongo.WriteModel, len(claims))
	for i, c := range claims {
		c.Confirmed = false
		models[i] = mongo.NewReplaceOneModel().SetFilter(bson.D{{Key: "_id", Value: c.ID}, {Key: "confirmed", Value: false}}).
			SetReplacement(c).SetUpsert(true)
	}
	_, err := db.youthDiscoveries().BulkWrite(ctx, models, options.BulkWrite().SetOrdered(false))
	if isDuplicateOnly(err) {
		return nil // confirmed meanwhile: it stays sent
	}
	return mapError(err)
}

// ConfirmYouthDiscoveries marks the claims of these digest keys as sent.
func (db *DB) ConfirmYouthDiscoveries(ctx context.Context, digests []string) error {
	if len(digests) == 0 {
		return nil
	}
	_, err := db.youthDiscoveries().UpdateMany(ctx, in("digest", digests),
		bson.D{{Key: "$set", Value: bson.D{{Key: "confirmed", Value: true}}}})
	return mapError(err)
}

// DeleteYouthDiscoveries forgets which discovery pages a youth's digests
// carried, when their account is deleted.
func (db *DB) DeleteYouthDiscoveries(ctx context.Context, youthID string) error {
	_, err := db.youthDiscoveries().DeleteMany(ctx, bson.D{{Key: "youth_id", Value: youthID}})
	return mapError(err)
}

// QueuedNotifications returns which of these notification ids are queued
// (or were: a sent one keeps its record).
func (db *DB) QueuedNotifications(ctx context.Context, ids []string) (map[string]bool, error) {
	queued := map[string]bool{}
	if len(ids) == 0 {
		return queued, nil
	}
	opts := options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}})
	found, err := findAll[struct {
		ID string `bson:"_id"`
	}](ctx, db.notifications(), in("_id", ids), opts)
	for _, n := range found {
		queued[n.ID] = true
	}
	return queued, err
}

// isDuplicateOnly reports whether err is a bulk write whose only failures
// are duplicate keys.
func isDuplicateOnly(err error) bool {
	var bulk mongo.BulkWriteException
	if err == nil || !errors.As(err, &bulk) || bulk.WriteConcernError != nil {
		return false
	}
	for _, we := range bulk.WriteErrors {
		if we.Code != duplicateKeyCode {
			return false
		}
	}
	return true
}
