package store

import (
	"context"
	"strconv"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

const signaturesCollection = "signature_requests"

func (db *DB) signatures() *mongo.Collection { return db.db.Collection(signaturesCollection) }

// InsertSignatureRequest stores a new request.
func (db *DB) InsertSignatureRequest(ctx context.Context, r domain.SignatureRequest) error {
	_, err := db.signatures().InsertOne(ctx, r)
	return mapError(err)
}

// SignatureRequestByID returns one request.
func (db *DB) SignatureRequestByID(ctx context.Context, id string) (*domain.SignatureRequest, error) {
	return findByID[domain.SignatureRequest](ctx, db, db.signatures(), id, "error.signature.not_found")
}

var newestSignatureFirst = options.Find().SetSort(bson.D{{Key: "created_at", Value: -1}})

// SignatureRequestsBySubject returns the requests about one award, booking
// or application, the newest first.
func (db *DB) SignatureRequestsBySubject(ctx context.Context, kind domain.SignatureKind, subjectID string) ([]domain.SignatureRequest, error) {
	filter := bson.D{{Key: "subject_id", Value: subjectID}, {Key: "kind", Value: kind}}
	return findAll[domain.SignatureRequest](ctx, db.signatures(), filter, newestSignatureFirst)
}

// SignatureRequestsByGroup returns the requests of one occasion (the outing
// authorisations of a booking), the oldest first.
func (db *DB) SignatureRequestsByGroup(ctx context.Context, groupID string) ([]domain.SignatureRequest, error) {
	opts := options.Find().SetSort(bson.D{{Key: "created_at", Value: 1}})
	return findAll[domain.SignatureRequest](ctx, db.signatures(), bson.D{{Key: "group_id", Value: groupID}}, opts)
}

// SignatureRequestsByEmail returns the requests one address is a party to.
func (db *DB) SignatureRequestsByEmail(ctx context.Context, email string) ([]domain.SignatureRequest, error) {
	return findAll[domain.SignatureRequest](ctx, db.signatures(), bson.D{{Key: "emails", Value: email}}, newestSignatureFirst)
}

// SignatureRequests returns the requests of the staff overview, the newest
// first, at most limit.
func (db *DB) SignatureRequests(ctx context.Context, f domain.SignatureFilter, limit int) ([]domain.SignatureRequest, error) {
	filter := bson.D{}
	if f.Kind != "" {
		filter = append(filter, bson.E{Key: "kind", Value: f.Kind})
	}
	if f.State != "" {
		filter = append(filter, bson.E{Key: "state", Value: f.State})
	}
	opts := options.Find().SetSort(bson.D{{Key: "created_at", Value: -1}}).SetLimit(int64(limit))
	return findAll[domain.SignatureRequest](ctx, db.signatures(), filter, opts)
}

// OpenSignatureRequests returns the requests still being signed, for the
// reminders and expiry job.
func (db *DB) OpenSignatureRequests(ctx context.Context) ([]domain.SignatureRequest, error) {
	return findAll[domain.SignatureRequest](ctx, db.signatures(), bson.D{{Key: "state", Value: domain.SignatureOpen}})
}

// UnsettledSignatureRequests returns the completed requests whose
// consequences are not recorded done, for the signatures job to mend.
func (db *DB) UnsettledSignatureRequests(ctx context.Context) ([]domain.SignatureRequest, error) {
	return findAll[domain.SignatureRequest](ctx, db.signatures(), bson.D{{Key: "state", Value: domain.SignatureCompleted},
		{Key: "settled_at", Value: bson.D{{Key: "$exists", Value: false}}}})
}

// SettleSignatureRequest records that what the request's completion sets
// off is done; done again, it keeps the first instant.
func (db *DB) SettleSignatureRequest(ctx context.Context, id string, at time.Time) error {
	_, err := db.signatures().UpdateOne(ctx, bson.D{{Key: "_id", Value: id}, {Key: "settled_at", Value: bson.D{{Key: "$exists", Value: false}}}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "settled_at", Value: at}}}})
	return mapError(err)
}

// ApplySignatureChange applies ch in one conditional update of the request
// and reports whether its guards held. Party fields are addressed by the
// party's index, which never changes once the request is stored.
func (db *DB) ApplySignatureChange(ctx context.Context, ch domain.SignatureChange) (bool, error) {
	party := func(i int, field string) string { return "parties." + strconv.Itoa(i) + "." + field }
	filter := bson.D{{Key: "_id", Value: ch.ID}, {Key: "state", Value: ch.From}}
	if ch.Hash != "" {
		filter = append(filter, bson.E{Key: "hash", Value: ch.Hash})
	}
	set, inc := bson.D{}, bson.D{}
	if ch.Party >= 0 {
		if ch.Unsigned {
			filter = append(filter, bson.E{Key: party(ch.Party, "signed_at"), Value: nil})
		}
		for field, below := range ch.Below {
			filter = append(filter, bson.E{Key: party(ch.Party, field), Value: bson.D{{Key: "$lt", Value: below}}})
		}
		for field, value := range ch.Equal {
			filter = append(filter, bson.E{Key: party(ch.Party, field), Value: value})
		}
		for field, value := range ch.Set {
			set = append(set, bson.E{Key: party(ch.Party, field), Value: value})
		}
		for field, n := range ch.Inc {
			inc = append(inc, bson.E{Key: party(ch.Party, field), Value: n})
		}
	}
	for _, i := range ch.Signed {
		filter = append(filter, bson.E{Key: party(i, "signed_at"), Value: bson.D{{Key: "$ne", Value: nil}}})
	}
	if ch.To != "" {
		set = append(set, bson.E{Key: "state", Value: ch.To}, bson.E{Key: "closed_at", Value: ch.At})
	}
	update := bson.D{{Key: "$push", Value: bson.D{{Key: "events", Value: ch.Event}}}}
	if len(set) > 0 {
		update = append(update, bson.E{Key: "$set", Value: set})
	}
	if len(inc) > 0 {
		update = append(update, bson.E{Key: "$inc", Value: inc})
	}
	res, err := db.signatures().UpdateOne(ctx, filter, update)
	if err != nil {
		return false, mapError(err)
	}
	return res.MatchedCount == 1, nil
}

// SetSignatureReplacement records which request replaced a voided one.
func (db *DB) SetSignatureReplacement(ctx context.Context, id, by string) error {
	_, err := db.signatures().UpdateOne(ctx, bson.D{{Key: "_id", Value: id}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "replaced_by", Value: by}}}})
	return mapError(err)
}

// PurgeSignatureRequests deletes the requests whose retention ended before
// now and returns their files' IDs, for the caller to delete.
func (db *DB) PurgeSignatureRequests(ctx context.Context, now time.Time) ([]string, error) {
	filter := bson.D{{Key: "purge_after", Value: bson.D{{Key: "$gt", Value: time.Time{}}, {Key: "$lt", Value: now}}}}
	due, err := findAll[domain.SignatureRequest](ctx, db.signatures(), filter,
		options.Find().SetProjection(bson.D{{Key: "file_id", Value: 1}}))
	if err != nil || len(due) == 0 {
		return nil, err
	}
	ids, files := make([]string, len(due)), make([]string, len(due))
	for i, r := range due {
		ids[i], files[i] = r.ID, r.FileID
	}
	_, err = db.signatures().DeleteMany(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: ids}}}})
	return files, mapError(err)
}
