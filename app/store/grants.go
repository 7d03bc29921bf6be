package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

const grantsCollection = "grant_applications"

func (db *DB) grants() *mongo.Collection { return db.db.Collection(grantsCollection) }

// InsertGrant creates a grant application.
func (db *DB) InsertGrant(ctx context.Context, g domain.GrantApplication) error {
	_, err := db.grants().InsertOne(ctx, g)
	return mapError(err)
}

// GrantByID returns one grant application.
func (db *DB) GrantByID(ctx context.Context, id string) (*domain.GrantApplication, error) {
	return findByID[domain.GrantApplication](ctx, db, db.grants(), id, "error.grant.not_found")
}

// GrantsByCall returns a call's applications, the oldest first.
func (db *DB) GrantsByCall(ctx context.Context, callID string) ([]domain.GrantApplication, error) {
	return findAll[domain.GrantApplication](ctx, db.grants(), bson.D{{Key: "call_id", Value: callID}}, oldestFirst)
}

// GrantsByOrganisations returns the applications of any of the organisations.
func (db *DB) GrantsByOrganisations(ctx context.Context, orgIDs []string) ([]domain.GrantApplication, error) {
	filter := bson.D{{Key: "organisation_id", Value: bson.D{{Key: "$in", Value: orgIDs}}}}
	return findAll[domain.GrantApplication](ctx, db.grants(), filter, oldestFirst)
}

var oldestFirst = options.Find().SetSort(createdOrder)

// SaveGrantSection replaces one section of an application's content
// (identity, project or budget) while the file is still in state.
func (db *DB) SaveGrantSection(ctx context.Context, id string, state domain.GrantState, section string, value any, at time.Time) error {
	update := bson.D{{Key: "$set", Value: bson.D{{Key: "content." + section, Value: value}}}}
	return db.updateGrantInState(ctx, id, state, at, update)
}

// AddGrantAttachment appends an attachment while the file is still in state;
// co-editors adding files at the same time keep both.
func (db *DB) AddGrantAttachment(ctx context.Context, id string, state domain.GrantState, a domain.Attachment, at time.Time) error {
	update := bson.D{{Key: "$push", Value: bson.D{{Key: "attachments", Value: a}}}}
	return db.updateGrantInState(ctx, id, state, at, update)
}

// RemoveGrantAttachment removes an attachment, as read from the file, while
// the file is still in state. The whole attachment is matched: FerretDB's
// $pull removes equal values only, not those matching a condition.
func (db *DB) RemoveGrantAttachment(ctx context.Context, id string, state domain.GrantState, a domain.Attachment, at time.Time) error {
	update := bson.D{{Key: "$pull", Value: bson.D{{Key: "attachments", Value: a}}}}
	return db.updateGrantInState(ctx, id, state, at, update)
}

// AddGrantEditor makes a user co-editor of an application in state.
func (db *DB) AddGrantEditor(ctx context.Context, id string, state domain.GrantState, userID string, at time.Time) error {
	update := bson.D{{Key: "$push", Value: bson.D{{Key: "editor_ids", Value: userID}}}}
	return db.updateGrantInState(ctx, id, state, at, update)
}

// TransitionGrant moves g from change.From to change.To, saves the fields
// that change with the state (version, submission instant, request for
// information, checklist, score) and appends change to the history, in one
// conditional update: of two concurrent transitions from the same state,
// one wins and the other gets a conflict.
func (db *DB) TransitionGrant(ctx context.Context, g *domain.GrantApplication, change domain.StateChange) error {
	set := bson.D{
		{Key: "state", Value: change.To}, {Key: "version", Value: g.Version},
		{Key: "submitted_at", Value: g.SubmittedAt}, {Key: "info", Value: g.Info},
		{Key: "checklist", Value: g.Checklist}, {Key: "score", Value: g.Score},
	}
	update := bson.D{{Key: "$set", Value: set}, {Key: "$push", Value: bson.D{{Key: "history", Value: change}}}}
	return db.updateGrantInState(ctx, g.ID, change.From, change.At, update)
}

// updateGrantInState applies update to an application only while it is
// still in state: a file submitted or reopened meanwhile is not overwritten.
func (db *DB) updateGrantInState(ctx context.Context, id string, state domain.GrantState, at time.Time, update bson.D) error {
	filter := bson.D{{Key: "_id", Value: id}, {Key: "state", Value: state}}
	res, err := db.grants().UpdateOne(ctx, filter, withUpdatedAt(update, at))
	if err == nil && res.MatchedCount == 0 {
		return &domain.Error{Code: domain.ECONFLICT, Message: "error.grant.state_changed"}
	}
	return mapError(err)
}

// withUpdatedAt adds updated_at to the update's $set, creating it if needed.
func withUpdatedAt(update bson.D, at time.Time) bson.D {
	for i, op := range update {
		if op.Key == "$set" {
			update[i].Value = append(op.Value.(bson.D), bson.E{Key: "updated_at", Value: at})
			return update
		}
	}
	return append(update, bson.E{Key: "$set", Value: bson.D{{Key: "updated_at", Value: at}}})
}

// GrantsByIDs returns the applications with these IDs, in one query.
func (db *DB) GrantsByIDs(ctx context.Context, ids []string) ([]domain.GrantApplication, error) {
	return findAll[domain.GrantApplication](ctx, db.grants(), in("_id", ids), oldestFirst)
}
