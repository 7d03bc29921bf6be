package store

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

// Structures returns the organisations whose counsellors follow youths
// (schools, CIO, missions locales, youth structures), by name.
func (db *DB) Structures(ctx context.Context) ([]domain.Organisation, error) {
	return findAll[domain.Organisation](ctx, db.organisations(), bson.D{{Key: "kind", Value: bson.D{{Key: "$in", Value: domain.StructureKinds}}}},
		options.Find().SetSort(bson.D{{Key: "name", Value: 1}}))
}

// YouthsOfStructuresPage returns one page of the profiles of the youths
// followed by one of the structures, without their guardian's address.
func (db *DB) YouthsOfStructuresPage(ctx context.Context, structureIDs []string, r domain.PageRequest) (domain.Page[domain.Youth], error) {
	return findPage[domain.Youth](ctx, db.youths(), in("structure_id", structureIDs), byFirstName, r, followedView())
}

// followedView leaves out what a counsellor does not see of a youth.
func followedView() *options.FindOptions {
	return options.Find().SetProjection(bson.D{{Key: "guardian_email", Value: 0}})
}

var byFirstName = bson.D{{Key: "first_name", Value: 1}, {Key: "_id", Value: 1}}

// ApplicationsOfYouths returns the applications of the youths, newest first.
func (db *DB) ApplicationsOfYouths(ctx context.Context, youthIDs []string) ([]domain.Application, error) {
	return findAll[domain.Application](ctx, db.applications(), bson.D{{Key: "youth_id", Value: bson.D{{Key: "$in", Value: youthIDs}}}},
		options.Find().SetSort(bson.D{{Key: "created_at", Value: -1}}))
}
