package store

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

const applicationMessagesCollection = "application_messages"

func (db *DB) applicationMessages() *mongo.Collection {
	return db.db.Collection(applicationMessagesCollection)
}

// InsertApplicationMessage adds a message to an application's thread.
func (db *DB) InsertApplicationMessage(ctx context.Context, m *domain.ApplicationMessage) error {
	_, err := db.applicationMessages().InsertOne(ctx, m)
	return mapError(err)
}

// ApplicationMessages returns the thread of one application, oldest first.
func (db *DB) ApplicationMessages(ctx context.Context, applicationID string) ([]domain.ApplicationMessage, error) {
	opts := options.Find().SetSort(bson.D{{Key: "created_at", Value: 1}, {Key: "_id", Value: 1}})
	return findAll[domain.ApplicationMessage](ctx, db.applicationMessages(), bson.D{{Key: "application_id", Value: applicationID}}, opts)
}
