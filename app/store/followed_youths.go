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
// followed by one of the structures, by first name, from the structures'
// shelves, without their guardian's address.
func (db *DB) YouthsOfStructuresPage(ctx context.Context, structureIDs []string, r domain.PageRequest) (domain.Page[domain.Youth], error) {
	p, err := shelfPage(ctx, db, youthsOfStructures, db.youths(), structureIDs, r,
		func(y *domain.Youth) (string, string) { return y.ID, y.StructureID })
	for i := range p.Items {
		p.Items[i].GuardianEmail = "" // what a counsellor does not see of a youth
	}
	return p, err
}

// ApplicationsOfYouths returns the applications of the youths, newest
// first, from their shelves.
func (db *DB) ApplicationsOfYouths(ctx context.Context, youthIDs []string) ([]domain.Application, error) {
	return shelvedAll(ctx, db, applicationsOfYouths, db.applications(), youthIDs, applicationOfYouth)
}
