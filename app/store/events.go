package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

const (
	eventsCollection        = "events"
	registrationsCollection = "event_registrations"
)

func (db *DB) events() *mongo.Collection        { return db.db.Collection(eventsCollection) }
func (db *DB) registrations() *mongo.Collection { return db.db.Collection(registrationsCollection) }

// InsertEvent saves a new event.
func (db *DB) InsertEvent(ctx context.Context, e *domain.Event) error {
	_, err := db.events().InsertOne(ctx, e)
	return mapError(err)
}

// EventByID returns the event with this id.
func (db *DB) EventByID(ctx context.Context, id string) (*domain.Event, error) {
	return findByID[domain.Event](ctx, db, db.events(), id, "error.event.not_found")
}

// Events returns the events the filter picks, soonest first.
func (db *DB) Events(ctx context.Context, f domain.EventFilter) ([]domain.Event, error) {
	return findAll[domain.Event](ctx, db.events(), eventFilter(f), options.Find().SetSort(soonestFirst))
}

// EventsPage returns one page of the events the filter picks, soonest first.
func (db *DB) EventsPage(ctx context.Context, f domain.EventFilter, r domain.PageRequest) (domain.Page[domain.Event], error) {
	return findPage[domain.Event](ctx, db.events(), eventFilter(f), soonestFirst, r)
}

func eventFilter(f domain.EventFilter) bson.D {
	filter := bson.D{}
	add := func(key string, value any) { filter = append(filter, bson.E{Key: key, Value: value}) }
	if f.Kind != "" {
		add("kind", f.Kind)
	}
	if f.CommuneCode != "" {
		add("commune_code", f.CommuneCode)
	}
	if f.Audience != "" {
		add("audiences", f.Audience)
	}
	if !f.EndsAfter.IsZero() {
		add("ends_at", bson.D{{Key: "$gt", Value: f.EndsAfter}})
	}
	if f.OrganisationID != "" {
		add("organisation_id", f.OrganisationID)
	}
	if f.CreatedBy != "" {
		add("created_by", f.CreatedBy)
	}
	if f.IDs != nil {
		filter = append(filter, in("_id", f.IDs)...)
	}
	if f.Published {
		add("status", domain.EventPublished)
	}
	return filter
}

// MoveEvent changes an event's status if it is still in one of from.
func (db *DB) MoveEvent(ctx context.Context, id string, from []domain.EventStatus, to domain.EventStatus) (bool, error) {
	return moveStatus(ctx, db.events(), id, from, to, nil)
}

// TakeEventPlaces takes a hold's places or stands on an event in one atomic
// conditional update, as TakeSeats does on a visit session.
func (db *DB) TakeEventPlaces(ctx context.Context, eventID string, pool domain.Pool, h domain.SeatHold) (bool, error) {
	return db.takeHold(ctx, db.events(), eventID, poolCounter(pool), h)
}

// ReleaseEventPlaces gives back a hold's places or stands, once.
func (db *DB) ReleaseEventPlaces(ctx context.Context, eventID string, pool domain.Pool, h domain.SeatHold) error {
	return db.releaseHold(ctx, db.events(), eventID, poolCounter(pool), h)
}

func poolCounter(p domain.Pool) string { return string(p) + "_left" }

// InsertRegistration saves a new registration; an id already used (the same
// idempotency key) is a conflict.
func (db *DB) InsertRegistration(ctx context.Context, r *domain.EventRegistration) error {
	_, err := db.registrations().InsertOne(ctx, r)
	return mapError(err)
}

// RegistrationByID returns the registration with this id.
func (db *DB) RegistrationByID(ctx context.Context, id string) (*domain.EventRegistration, error) {
	return findByID[domain.EventRegistration](ctx, db, db.registrations(), id, "error.event.registration_not_found")
}

// Registrations returns the registrations the filter picks, oldest first:
// the waitlist's order.
func (db *DB) Registrations(ctx context.Context, f domain.RegistrationFilter) ([]domain.EventRegistration, error) {
	filter := bson.D{}
	if f.EventIDs != nil {
		filter = append(filter, in("event_id", f.EventIDs)...)
	}
	if f.UserID != "" {
		filter = append(filter, bson.E{Key: "user_id", Value: f.UserID})
	}
	if f.OrganisationIDs != nil {
		filter = append(filter, in("organisation_id", f.OrganisationIDs)...)
	}
	opts := options.Find().SetSort(bson.D{{Key: "created_at", Value: 1}, {Key: "_id", Value: 1}})
	return findAll[domain.EventRegistration](ctx, db.registrations(), filter, opts)
}

// MoveRegistration changes a registration's status if it is still in one
// of from, and reports whether it applied.
func (db *DB) MoveRegistration(ctx context.Context, id string, from []domain.RegistrationStatus, to domain.RegistrationStatus, at time.Time) (bool, error) {
	return moveStatus(ctx, db.registrations(), id, from, to, bson.D{{Key: "updated_at", Value: at}})
}

// EventReminders returns the published events starting in [from, to) with
// their confirmed registrations, in two queries.
func (db *DB) EventReminders(ctx context.Context, from, to time.Time) ([]domain.EventReminder, error) {
	events, err := findAll[domain.Event](ctx, db.events(), bson.D{{Key: "status", Value: domain.EventPublished},
		{Key: "starts_at", Value: bson.D{{Key: "$gte", Value: from}, {Key: "$lt", Value: to}}}}, options.Find().SetSort(soonestFirst))
	if err != nil || len(events) == 0 {
		return nil, err
	}
	ids := make([]string, len(events))
	for i, e := range events {
		ids[i] = e.ID
	}
	regs, err := findAll[domain.EventRegistration](ctx, db.registrations(),
		append(in("event_id", ids), bson.E{Key: "status", Value: domain.RegistrationConfirmed}))
	if err != nil {
		return nil, err
	}
	byEvent := map[string][]domain.EventRegistration{}
	for _, r := range regs {
		byEvent[r.EventID] = append(byEvent[r.EventID], r)
	}
	reminders := make([]domain.EventReminder, len(events))
	for i, e := range events {
		reminders[i] = domain.EventReminder{Event: e, Registrations: byEvent[e.ID]}
	}
	return reminders, nil
}

// ForgetRegistrant removes a deleted account's name and addresses from the
// registrations it made; the registrations themselves stay.
func (db *DB) ForgetRegistrant(ctx context.Context, userID string) error {
	_, err := db.registrations().UpdateMany(ctx, bson.D{{Key: "user_id", Value: userID}}, bson.D{{Key: "$set", Value: bson.D{
		{Key: "name", Value: ""}, {Key: "email", Value: ""}, {Key: "guardian_email", Value: ""}}}})
	return mapError(err)
}
