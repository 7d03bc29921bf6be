package store

import (
	"context"
	"slices"
	"time"

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
	return findAll[domain.ApplicationMessage](ctx, db.applicationMessages(), bson.D{{Key: "application_id", Value: applicationID}}, oldestFirst)
}

// ApplicationMessagesPage returns one page of an application's thread, oldest first.
func (db *DB) ApplicationMessagesPage(ctx context.Context, applicationID string, r domain.PageRequest) (domain.Page[domain.ApplicationMessage], error) {
	return findPage[domain.ApplicationMessage](ctx, db.applicationMessages(), bson.D{{Key: "application_id", Value: applicationID}}, createdOrder, r)
}

// MessagesOfApplications returns the threads of these applications, oldest
// first, in one query (a person's data export).
func (db *DB) MessagesOfApplications(ctx context.Context, ids []string) ([]domain.ApplicationMessage, error) {
	return findAll[domain.ApplicationMessage](ctx, db.applicationMessages(), in("application_id", ids), oldestFirst)
}

// CountMessagesOfApplications counts the messages of these applications,
// for a dry run of the retention job.
func (db *DB) CountMessagesOfApplications(ctx context.Context, ids []string) (int64, error) {
	n, err := db.applicationMessages().CountDocuments(ctx, in("application_id", ids))
	return n, mapError(err)
}

// DeleteMessagesOfApplications deletes the threads of these applications
// and returns how many messages went; deleting them again is harmless.
func (db *DB) DeleteMessagesOfApplications(ctx context.Context, ids []string) (int64, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	res, err := db.applicationMessages().DeleteMany(ctx, in("application_id", ids))
	if err != nil {
		return 0, mapError(err)
	}
	return res.DeletedCount, nil
}

// ApplicationsWithMessagesBefore returns the ids of the applications with a
// message written before t, each once.
func (db *DB) ApplicationsWithMessagesBefore(ctx context.Context, t time.Time) ([]string, error) {
	opts := options.Find().SetProjection(bson.D{{Key: "application_id", Value: 1}})
	msgs, err := findAll[domain.ApplicationMessage](ctx, db.applicationMessages(),
		bson.D{{Key: "created_at", Value: bson.D{{Key: "$lt", Value: t}}}}, opts)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(msgs))
	for _, m := range msgs {
		ids = append(ids, m.ApplicationID)
	}
	slices.Sort(ids)
	return slices.Compact(ids), nil
}
