package store

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

// ObservatoryFacts reads what the observatory counts, one query per
// collection, each projected on the fields the figures need: the names,
// emails, messages and files of people never leave the database.
func (db *DB) ObservatoryFacts(ctx context.Context) (domain.ObservatoryFacts, error) {
	var f domain.ObservatoryFacts
	var err error
	if f.Offers, err = projected[domain.Offer](ctx, db.offers(), "type", "status", "tension_family", "ess",
		"commune_code", "places", "published_at"); err != nil {
		return f, err
	}
	if f.Sessions, err = projected[domain.VisitSession](ctx, db.sessions(), "offer_id", "starts_at", "capacity"); err != nil {
		return f, err
	}
	if f.Bookings, err = projected[domain.Booking](ctx, db.bookings(), "session_id", "offer_id", "priority", "seats", "status"); err != nil {
		return f, err
	}
	if f.Applications, err = projected[domain.Application](ctx, db.applications(), "offer_id", "status", "created_at"); err != nil {
		return f, err
	}
	if f.Calls, err = projected[domain.Call](ctx, db.calls(), "title", "opens_at", "closes_at", "laureates_published"); err != nil {
		return f, err
	}
	if f.Grants, err = projected[domain.GrantApplication](ctx, db.grants(), "call_id", "state",
		"content.identity.commune_code", "content.project.axes", "content.budget.resources"); err != nil {
		return f, err
	}
	f.Awards, err = projected[domain.Award](ctx, db.awards(), "call_id", "amount")
	return f, err
}

// projected reads every document of coll with only fields (and _id).
func projected[T any](ctx context.Context, coll *mongo.Collection, fields ...string) ([]T, error) {
	p := bson.D{}
	for _, f := range fields {
		p = append(p, bson.E{Key: f, Value: 1})
	}
	return findAll[T](ctx, coll, bson.D{}, options.Find().SetProjection(p))
}
