package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

const supportCollection = "support_requests"

func (db *DB) support() *mongo.Collection { return db.db.Collection(supportCollection) }

var (
	errSupportNotFound = &domain.Error{Code: domain.ENOTFOUND, Message: "error.support.not_found"}
	// errSupportChanged: another person moved the request in between.
	errSupportChanged = &domain.Error{Code: domain.ECONFLICT, Message: "error.support.changed"}
)

// newestSupportFirst orders requests from the latest change.
var newestSupportFirst = bson.D{{Key: "updated_at", Value: -1}, {Key: "_id", Value: 1}}

// InsertSupportRequest saves a new request.
func (db *DB) InsertSupportRequest(ctx context.Context, r domain.SupportRequest) error {
	_, err := db.support().InsertOne(ctx, r)
	return mapError(err)
}

// InsertSupportRequests saves requests at once (the demo data).
func (db *DB) InsertSupportRequests(ctx context.Context, rs []domain.SupportRequest) error {
	return insertAll(ctx, db.support(), rs)
}

// SupportRequestByID returns the request with this id.
func (db *DB) SupportRequestByID(ctx context.Context, id string) (*domain.SupportRequest, error) {
	return findByID[domain.SupportRequest](ctx, db, db.support(), id, "error.support.not_found")
}

// SupportRequestsByIDs returns the requests among ids that exist, in one query.
func (db *DB) SupportRequestsByIDs(ctx context.Context, ids []string) ([]domain.SupportRequest, error) {
	return findByIDs[domain.SupportRequest](ctx, db, db.support(), ids)
}

// HolderSupportRequests returns every request a holder made: a handful,
// for their data export.
func (db *DB) HolderSupportRequests(ctx context.Context, holderID string) ([]domain.SupportRequest, error) {
	return findAll[domain.SupportRequest](ctx, db.support(), bson.D{{Key: "holder_id", Value: holderID}})
}

// DeleteHolderSupportRequests deletes the requests a holder made.
func (db *DB) DeleteHolderSupportRequests(ctx context.Context, holderID string) error {
	_, err := db.support().DeleteMany(ctx, bson.D{{Key: "holder_id", Value: holderID}})
	return mapError(err)
}

// SupportRequestsOfHolder returns a page of the requests a holder made.
func (db *DB) SupportRequestsOfHolder(ctx context.Context, holderID string, r domain.PageRequest) (domain.Page[domain.SupportRequest], error) {
	return findPage[domain.SupportRequest](ctx, db.support(), bson.D{{Key: "holder_id", Value: holderID}}, newestSupportFirst, r)
}

// SupportRequestsOfStructures returns a page of the requests assigned to
// these structures, of one status when status is not empty.
func (db *DB) SupportRequestsOfStructures(ctx context.Context, structureIDs []string, status domain.SupportStatus, r domain.PageRequest) (domain.Page[domain.SupportRequest], error) {
	filter := in("structure_id", structureIDs)
	if status != "" {
		filter = append(filter, bson.E{Key: "status", Value: status})
	}
	return findPage[domain.SupportRequest](ctx, db.support(), filter, newestSupportFirst, r)
}

// SupportRequestsPage returns a page of every request, of one status when
// status is not empty: staff's queue.
func (db *DB) SupportRequestsPage(ctx context.Context, status domain.SupportStatus, r domain.PageRequest) (domain.Page[domain.SupportRequest], error) {
	filter := bson.D{}
	if status != "" {
		filter = bson.D{{Key: "status", Value: status}}
	}
	return findPage[domain.SupportRequest](ctx, db.support(), filter, newestSupportFirst, r)
}

// AssignSupportRequest gives the request to a structure, provided it is
// still in the status the agent saw: two agents assigning at once record one.
func (db *DB) AssignSupportRequest(ctx context.Context, id string, from domain.SupportStatus, structure *domain.Organisation, at time.Time) error {
	return updateExisting(ctx, db.support(), bson.D{{Key: "_id", Value: id}, {Key: "status", Value: from}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "status", Value: domain.SupportAssigned}, {Key: "structure_id", Value: structure.ID},
			{Key: "structure_name", Value: structure.Name}, {Key: "updated_at", Value: at}}}}, errSupportChanged)
}

// FollowSupportRequest records the structure's status and next meeting,
// provided the request is still where the member saw it.
func (db *DB) FollowSupportRequest(ctx context.Context, id string, from, to domain.SupportStatus, next *time.Time, at time.Time) error {
	return updateExisting(ctx, db.support(), bson.D{{Key: "_id", Value: id}, {Key: "status", Value: from}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "status", Value: to}, {Key: "next_meeting", Value: next}, {Key: "updated_at", Value: at}}}},
		errSupportChanged)
}

// AppendSupportNote adds a message or a note to the request's follow-up.
func (db *DB) AppendSupportNote(ctx context.Context, id string, n domain.SupportNote) error {
	return updateExisting(ctx, db.support(), bson.D{{Key: "_id", Value: id}},
		bson.D{{Key: "$push", Value: bson.D{{Key: "notes", Value: n}}}, {Key: "$set", Value: bson.D{{Key: "updated_at", Value: n.At}}}},
		errSupportNotFound)
}

// SupportStructures returns the verified partner structures that
// accompany ESS projects, by name.
func (db *DB) SupportStructures(ctx context.Context) ([]domain.Organisation, error) {
	return findAll[domain.Organisation](ctx, db.organisations(), bson.D{{Key: "kind", Value: domain.KindSupport}, {Key: "verified", Value: true}},
		options.Find().SetSort(bson.D{{Key: "name", Value: 1}}))
}
