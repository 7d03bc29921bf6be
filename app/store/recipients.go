package store

import (
	"context"
	"slices"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

// VisitReminders returns the sessions starting in [from, to) with their
// offer, confirmed bookings and the employer's members: four queries,
// whatever the number of sessions.
func (db *DB) VisitReminders(ctx context.Context, from, to time.Time) ([]domain.VisitReminder, error) {
	sessions, err := findAll[domain.VisitSession](ctx, db.sessions(),
		bson.D{{Key: "starts_at", Value: bson.D{{Key: "$gte", Value: from}, {Key: "$lt", Value: to}}}})
	if err != nil || len(sessions) == 0 {
		return nil, err
	}
	offers, err := findAll[domain.Offer](ctx, db.offers(), in("_id", offerIDs(sessions)))
	if err != nil {
		return nil, err
	}
	bookings, err := findAll[domain.Booking](ctx, db.bookings(), append(in("session_id", sessionIDs(sessions)),
		bson.E{Key: "status", Value: domain.BookingConfirmed}))
	if err != nil {
		return nil, err
	}
	members, err := findAll[domain.User](ctx, db.users(), in("organisation_ids", organisationIDs(offers)))
	return gatherReminders(sessions, offers, bookings, members), err
}

func in(field string, values []string) bson.D {
	if values == nil {
		values = []string{} // nil is sent as null, which $in refuses: nothing matches
	}
	return bson.D{{Key: field, Value: bson.D{{Key: "$in", Value: values}}}}
}

func sessionIDs(sessions []domain.VisitSession) []string {
	ids := make([]string, len(sessions))
	for i, s := range sessions {
		ids[i] = s.ID
	}
	return ids
}

func organisationIDs(offers []domain.Offer) []string {
	ids := make([]string, len(offers))
	for i, o := range offers {
		ids[i] = o.OrganisationID
	}
	return ids
}

func gatherReminders(sessions []domain.VisitSession, offers []domain.Offer, bookings []domain.Booking, members []domain.User) []domain.VisitReminder {
	offerByID := map[string]domain.Offer{}
	for _, o := range offers {
		offerByID[o.ID] = o
	}
	reminders := make([]domain.VisitReminder, 0, len(sessions))
	for _, s := range sessions {
		r := domain.VisitReminder{Session: s, Offer: offerByID[s.OfferID]}
		for _, b := range bookings {
			if b.SessionID == s.ID {
				r.Bookings = append(r.Bookings, b)
			}
		}
		for _, u := range members {
			if slices.Contains(u.OrganisationIDs, r.Offer.OrganisationID) {
				r.Members = append(r.Members, u)
			}
		}
		reminders = append(reminders, r)
	}
	return reminders
}

// UsersWithRole returns every user holding role, e.g. the staff for their summary.
func (db *DB) UsersWithRole(ctx context.Context, role domain.Role) ([]domain.User, error) {
	return findAll[domain.User](ctx, db.users(), bson.D{{Key: "roles", Value: role}})
}

// UserLocales returns the language each of these accounts chose, by id, in
// one query that reads only that field.
func (db *DB) UserLocales(ctx context.Context, ids []string) (map[string]string, error) {
	users, err := findAll[domain.User](ctx, db.users(), in("_id", ids),
		options.Find().SetProjection(bson.D{{Key: "locale", Value: 1}}))
	locales := make(map[string]string, len(users))
	for _, u := range users {
		locales[u.ID] = u.Locale
	}
	return locales, err
}

// UsersByID returns the users with these ids, in one query.
func (db *DB) UsersByID(ctx context.Context, ids []string) ([]domain.User, error) {
	return findAll[domain.User](ctx, db.users(), in("_id", ids))
}
