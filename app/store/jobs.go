package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
	"passerelle/jobs"
)

const (
	leasesCollection   = "job_leases"
	jobRunsCollection  = "job_runs"
	lastRunsCollection = "job_last_runs"
)

// AcquireLease takes the lease of a job until the given instant when it is
// free, expired or already ours. One conditional single-document update
// decides, so two processes never both win.
func (db *DB) AcquireLease(ctx context.Context, name, owner string, until, now time.Time) (bool, error) {
	leases := db.db.Collection(leasesCollection)
	_, err := leases.InsertOne(ctx, bson.D{{Key: "_id", Value: name}, {Key: "owner", Value: owner}, {Key: "until", Value: until}})
	if err == nil {
		return true, nil
	}
	if domain.ErrorCode(mapError(err)) != domain.ECONFLICT {
		return false, mapError(err)
	}
	filter := bson.D{{Key: "_id", Value: name}, {Key: "$or", Value: bson.A{
		bson.D{{Key: "until", Value: bson.D{{Key: "$lt", Value: now}}}},
		bson.D{{Key: "owner", Value: owner}},
	}}}
	update := bson.D{{Key: "$set", Value: bson.D{{Key: "owner", Value: owner}, {Key: "until", Value: until}}}}
	res, err := leases.UpdateOne(ctx, filter, update)
	if err != nil {
		return false, mapError(err)
	}
	return res.MatchedCount == 1, nil
}

// ReleaseLease frees a lease we hold.
func (db *DB) ReleaseLease(ctx context.Context, name, owner string) error {
	_, err := db.db.Collection(leasesCollection).DeleteOne(ctx, bson.D{{Key: "_id", Value: name}, {Key: "owner", Value: owner}})
	return mapError(err)
}

// RecordRun keeps the record of a job run, and the job's latest run apart
// so that `jobs list` reads one small collection.
func (db *DB) RecordRun(ctx context.Context, run jobs.Run) error {
	if _, err := db.db.Collection(jobRunsCollection).InsertOne(ctx, run); err != nil {
		return mapError(err)
	}
	latest := run
	latest.ID = run.Job
	_, err := db.db.Collection(lastRunsCollection).ReplaceOne(ctx, bson.D{{Key: "_id", Value: run.Job}}, latest,
		options.Replace().SetUpsert(true))
	return mapError(err)
}

// LastRuns returns the latest run of each job.
func (db *DB) LastRuns(ctx context.Context) (map[string]jobs.Run, error) {
	runs, err := findAll[jobs.Run](ctx, db.db.Collection(lastRunsCollection), bson.D{})
	last := make(map[string]jobs.Run, len(runs))
	for _, r := range runs {
		last[r.Job] = r
	}
	return last, err
}
