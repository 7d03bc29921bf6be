package store

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

const auditCollection = "audit_log"

func (db *DB) audit() *mongo.Collection { return db.db.Collection(auditCollection) }

// AppendAudit records an event. The store offers no way to change or delete
// one: the log is append-only.
func (db *DB) AppendAudit(ctx context.Context, e domain.AuditEvent) error {
	_, err := db.audit().InsertOne(ctx, e)
	return mapError(err)
}

// LatestAudit returns the latest events, newest first, optionally only those
// whose actor or target is id.
func (db *DB) LatestAudit(ctx context.Context, id string, limit int) ([]domain.AuditEvent, error) {
	filter := bson.D{}
	if id != "" {
		filter = bson.D{{Key: "$or", Value: bson.A{bson.D{{Key: "actor_id", Value: id}}, bson.D{{Key: "target_id", Value: id}}}}}
	}
	opts := options.Find().SetSort(bson.D{{Key: "at", Value: -1}}).SetLimit(int64(limit))
	return findAll[domain.AuditEvent](ctx, db.audit(), filter, opts)
}
