package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

const sessionsCollection = "sessions"

func (db *DB) sessions() *mongo.Collection { return db.db.Collection(sessionsCollection) }

// InsertSessions inserts visit sessions in one round trip.
func (db *DB) InsertSessions(ctx context.Context, sessions []domain.VisitSession) error {
	return insertAll(ctx, db.sessions(), sessions)
}

// SessionByID returns the visit session with this id.
func (db *DB) SessionByID(ctx context.Context, id string) (*domain.VisitSession, error) {
	return findByID[domain.VisitSession](ctx, db, db.sessions(), id, "error.session.not_found")
}

// UpcomingSessions returns at most limit sessions starting at or after from,
// soonest first, with their offer's title, organisation and commune. Sessions
// of offers no longer published are left out, so fewer than limit may come
// back. Two queries, whatever the number of sessions.
func (db *DB) UpcomingSessions(ctx context.Context, from time.Time, limit int) ([]domain.SessionWithOffer, error) {
	return db.sessionsWithOffers(ctx, bson.D{{Key: "starts_at", Value: bson.D{{Key: "$gte", Value: from}}}}, limit)
}

func offerIDs(sessions []domain.VisitSession) []string {
	ids := make([]string, len(sessions))
	for i, s := range sessions {
		ids[i] = s.OfferID
	}
	return ids
}

func (db *DB) publishedOffersByID(ctx context.Context, ids []string) (map[string]domain.Offer, error) {
	filter := bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: ids}}}, {Key: "status", Value: domain.OfferPublished}}
	opts := options.Find().SetProjection(bson.D{{Key: "title", Value: 1}, {Key: "organisation_id", Value: 1}, {Key: "organisation_name", Value: 1}, {Key: "commune_code", Value: 1}})
	offers, err := findAll[domain.Offer](ctx, db.offers(), filter, opts)
	byID := make(map[string]domain.Offer, len(offers))
	for _, o := range offers {
		byID[o.ID] = o
	}
	return byID, err
}

func withOffers(sessions []domain.VisitSession, offers map[string]domain.Offer) []domain.SessionWithOffer {
	listed := make([]domain.SessionWithOffer, 0, len(sessions))
	for _, s := range sessions {
		if o, ok := offers[s.OfferID]; ok {
			listed = append(listed, domain.SessionWithOffer{VisitSession: s, OfferTitle: o.Title,
				OrganisationID: o.OrganisationID, OrganisationName: o.OrganisationName, CommuneCode: o.CommuneCode})
		}
	}
	return listed
}
