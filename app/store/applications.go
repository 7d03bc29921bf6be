package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

const applicationsCollection = "applications"

func (db *DB) applications() *mongo.Collection { return db.db.Collection(applicationsCollection) }

// InsertApplication saves a new application; its id is derived from the
// offer and the youth, so a second application is a conflict.
func (db *DB) InsertApplication(ctx context.Context, a *domain.Application) error {
	if err := db.shelveApplications(ctx, []domain.Application{*a}); err != nil {
		return err
	}
	_, err := db.applications().InsertOne(ctx, a)
	return mapError(err)
}

func applicationOfYouth(a *domain.Application) (string, string) { return a.ID, a.YouthID }

// shelveApplications puts applications on their youth's and their
// organisation's shelves.
func (db *DB) shelveApplications(ctx context.Context, applications []domain.Application) error {
	items := make([]shelfItem, 0, 2*len(applications))
	for _, a := range applications {
		it := shelved{ID: a.ID, CreatedAt: a.CreatedAt}
		items = append(items, shelfItem{applicationsOfYouths, a.YouthID, it}, shelfItem{applicationsOfOrganisation, a.OrganisationID, it})
	}
	return shelve(ctx, db.shelves(), items)
}

// ApplicationByID returns the application with this id.
func (db *DB) ApplicationByID(ctx context.Context, id string) (*domain.Application, error) {
	return findByID[domain.Application](ctx, db, db.applications(), id, "error.application.not_found")
}

// MoveApplication changes an application's status if it is still in one of
// from, at the time given, and reports whether it applied.
func (db *DB) MoveApplication(ctx context.Context, id string, from []domain.ApplicationStatus, to domain.ApplicationStatus, at time.Time) (bool, error) {
	return moveStatus(ctx, db.applications(), id, from, to, setTime(bson.D{}, "updated_at", at))
}

// ExtendApplication pushes back the expiry of an open application, once.
func (db *DB) ExtendApplication(ctx context.Context, id string, from []domain.ApplicationStatus, until time.Time) (bool, error) {
	filter := bson.D{{Key: "_id", Value: id}, {Key: "extended", Value: false}, {Key: "status", Value: bson.D{{Key: "$in", Value: from}}}}
	update := bson.D{{Key: "$set", Value: bson.D{{Key: "expires_at", Value: until}, {Key: "extended", Value: true}}}}
	res, err := db.applications().UpdateOne(ctx, filter, update)
	if err != nil {
		return false, mapError(err)
	}
	return res.MatchedCount == 1, nil
}

// Applications returns every application the filter picks, newest first,
// for a desk, an export or a person's data.
func (db *DB) Applications(ctx context.Context, f domain.ApplicationFilter) ([]domain.Application, error) {
	return findAll[domain.Application](ctx, db.applications(), applicationFilter(f), options.Find().SetSort(newestFirst))
}

// ApplicationsPage returns one page of the applications the filter picks,
// newest first.
func (db *DB) ApplicationsPage(ctx context.Context, f domain.ApplicationFilter, r domain.PageRequest) (domain.Page[domain.Application], error) {
	switch {
	case f.YouthID != "" && f.OfferID == "" && f.OrganisationIDs == nil:
		return shelfPage(ctx, db, applicationsOfYouths, db.applications(), []string{f.YouthID}, r, applicationOfYouth)
	case f.YouthID == "" && f.OfferID == "" && f.OrganisationIDs != nil:
		return shelfPage(ctx, db, applicationsOfOrganisation, db.applications(), f.OrganisationIDs, r,
			func(a *domain.Application) (string, string) { return a.ID, a.OrganisationID })
	}
	return findPage[domain.Application](ctx, db.applications(), applicationFilter(f), newestFirst, r)
}

// ApplicationsDue returns the applications in one of statuses whose expiry is
// before t.
func (db *DB) ApplicationsDue(ctx context.Context, statuses []domain.ApplicationStatus, t time.Time) ([]domain.Application, error) {
	filter := bson.D{{Key: "status", Value: bson.D{{Key: "$in", Value: statuses}}}, {Key: "expires_at", Value: bson.D{{Key: "$lt", Value: t}}}}
	return findAll[domain.Application](ctx, db.applications(), filter)
}

// AnonymiseApplications replaces what names the youth on these applications
// (name, addresses, their message, the CV reference) by label, in one
// update; the applications stay, so that the offer's places and the
// employer's lists still add up.
func (db *DB) AnonymiseApplications(ctx context.Context, ids []string, label string) error {
	if len(ids) == 0 {
		return nil
	}
	_, err := db.applications().UpdateMany(ctx, in("_id", ids), bson.D{
		{Key: "$set", Value: bson.D{{Key: "youth_name", Value: label}, {Key: "youth_email", Value: ""}, {Key: "message", Value: ""}}},
		{Key: "$unset", Value: bson.D{{Key: "guardian_email", Value: ""}, {Key: "cv_file_id", Value: ""}}}})
	return mapError(err)
}

// ApplicationsByIDs returns the applications among ids that exist, in one query.
func (db *DB) ApplicationsByIDs(ctx context.Context, ids []string) ([]domain.Application, error) {
	return findByIDs[domain.Application](ctx, db, db.applications(), ids)
}
