package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"

	"passerelle/app/domain"
)

// Counts gathers the platform's figures in four queries, grouping in the
// database ($group with $sum, which FerretDB supports) rather than in Go.
func (db *DB) Counts(ctx context.Context, now time.Time) (domain.Counts, error) {
	c := domain.Counts{OffersByStatus: map[domain.OfferStatus]int{}, PublishedByType: map[domain.OfferType]int{}}
	offers, err := groupCount(ctx, db.offers(), "status", "type")
	for _, row := range offers {
		c.OffersByStatus[domain.OfferStatus(row.Key[0])] += row.N
		if domain.OfferStatus(row.Key[0]) == domain.OfferPublished {
			c.PublishedByType[domain.OfferType(row.Key[1])] += row.N
		}
	}
	if err != nil {
		return c, err
	}
	orgs, err := groupCount(ctx, db.organisations(), "kind", "verified")
	for _, row := range orgs {
		c.Organisations += row.N
		if !domain.OrganisationKind(row.Key[0]).IsStructure() && row.Key[1] == "false" {
			c.UnverifiedEmployers += row.N
		}
	}
	if err != nil {
		return c, err
	}
	if c.UpcomingSessions, err = count(ctx, db.sessions(), bson.D{{Key: "starts_at", Value: bson.D{{Key: "$gte", Value: now}}}}); err != nil {
		return c, err
	}
	if c.Youths, err = count(ctx, db.youths(), bson.D{}); err != nil {
		return c, err
	}
	c.PendingTestimonies, err = count(ctx, db.testimonies(), bson.D{{Key: "status", Value: domain.TestimonyPending}})
	return c, err
}

type groupRow struct {
	Key []string
	N   int
}

// groupCount counts documents per combination of the given fields, each
// value rendered as a string ("true"/"false" for booleans).
func groupCount(ctx context.Context, coll *mongo.Collection, fields ...string) ([]groupRow, error) {
	id := bson.D{}
	for _, f := range fields {
		id = append(id, bson.E{Key: f, Value: "$" + f})
	}
	cur, err := coll.Aggregate(ctx, mongo.Pipeline{{{Key: "$group", Value: bson.D{
		{Key: "_id", Value: id}, {Key: "n", Value: bson.D{{Key: "$sum", Value: 1}}}}}}})
	if err != nil {
		return nil, mapError(err)
	}
	var raw []struct {
		ID bson.M `bson:"_id"`
		N  int    `bson:"n"`
	}
	if err := cur.All(ctx, &raw); err != nil {
		return nil, mapError(err)
	}
	rows := make([]groupRow, len(raw))
	for i, r := range raw {
		rows[i].N = r.N
		for _, f := range fields {
			rows[i].Key = append(rows[i].Key, stringOf(r.ID[f]))
		}
	}
	return rows, nil
}

func stringOf(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case bool:
		if v {
			return "true"
		}
		return "false"
	}
	return ""
}

func count(ctx context.Context, coll *mongo.Collection, filter bson.D) (int, error) {
	n, err := coll.CountDocuments(ctx, filter)
	return int(n), mapError(err)
}

// AllOffers returns every offer, whatever its status, for the search reconcile.
func (db *DB) AllOffers(ctx context.Context) ([]domain.Offer, error) {
	return findAll[domain.Offer](ctx, db.offers(), bson.D{})
}
