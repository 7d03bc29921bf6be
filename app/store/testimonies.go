package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"passerelle/app/domain"
)

const testimoniesCollection = "testimonies"

func (db *DB) testimonies() *mongo.Collection { return db.db.Collection(testimoniesCollection) }

// InsertTestimony records a testimony waiting for moderation.
func (db *DB) InsertTestimony(ctx context.Context, t domain.Testimony) error {
	return insertAll(ctx, db.testimonies(), []domain.Testimony{t})
}

// TestimonyByID returns the testimony with this id.
func (db *DB) TestimonyByID(ctx context.Context, id string) (*domain.Testimony, error) {
	return findByID[domain.Testimony](ctx, db, db.testimonies(), id, "error.testimony.not_found")
}

// PendingTestimonies returns a page of the testimonies waiting for
// moderation, the oldest first.
func (db *DB) PendingTestimonies(ctx context.Context, r domain.PageRequest) (domain.Page[domain.Testimony], error) {
	return findPage[domain.Testimony](ctx, db.testimonies(), bson.D{{Key: "status", Value: domain.TestimonyPending}},
		bson.D{{Key: "created_at", Value: 1}, {Key: "_id", Value: 1}}, r)
}

// PublishedTestimonies returns at most limit published testimonies of an
// organisation (orgID) or of a family's discovery page (family), the newest
// first.
func (db *DB) PublishedTestimonies(ctx context.Context, orgID, family string, limit int) ([]domain.Testimony, error) {
	filter := bson.D{{Key: "status", Value: domain.TestimonyPublished}}
	if orgID != "" {
		filter = append(filter, bson.E{Key: "organisation_id", Value: orgID})
	}
	if family != "" {
		filter = append(filter, bson.E{Key: "families", Value: family})
	}
	opts := options.Find().SetSort(bson.D{{Key: "moderated_at", Value: -1}, {Key: "_id", Value: 1}}).SetLimit(int64(limit))
	return findAll[domain.Testimony](ctx, db.testimonies(), filter, opts)
}

// ModerateTestimony publishes (with the families it shows on) or refuses a
// pending testimony; one decided already is a conflict, so that two staff
// members deciding at once record one decision.
func (db *DB) ModerateTestimony(ctx context.Context, id string, to domain.TestimonyStatus, families []string, at time.Time) error {
	set := bson.D{{Key: "status", Value: to}, {Key: "moderated_at", Value: at}}
	if len(families) > 0 {
		set = append(set, bson.E{Key: "families", Value: families})
	}
	err := updateExisting(ctx, db.testimonies(), bson.D{{Key: "_id", Value: id}, {Key: "status", Value: domain.TestimonyPending}},
		bson.D{{Key: "$set", Value: set}}, errTestimonyDecided)
	if err == errTestimonyDecided {
		if _, err := db.TestimonyByID(ctx, id); err != nil {
			return err
		}
	}
	return err
}

var errTestimonyDecided = &domain.Error{Code: domain.ECONFLICT, Message: "error.testimony.decided"}

// SetOrganisationPresentation saves the texts of an organisation's public page.
func (db *DB) SetOrganisationPresentation(ctx context.Context, id, presentation, accessibility string) error {
	return updateExisting(ctx, db.organisations(), bson.D{{Key: "_id", Value: id}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "presentation", Value: presentation}, {Key: "accessibility", Value: accessibility}}}},
		&domain.Error{Code: domain.ENOTFOUND, Message: "error.organisation.not_found"})
}

// PublishedOffersOf returns at most limit published offers of an
// organisation, the newest first.
func (db *DB) PublishedOffersOf(ctx context.Context, orgID string, limit int) ([]domain.Offer, error) {
	filter := bson.D{{Key: "organisation_id", Value: orgID}, {Key: "status", Value: domain.OfferPublished}}
	opts := options.Find().SetSort(bson.D{{Key: "published_at", Value: -1}, {Key: "_id", Value: 1}}).SetLimit(int64(limit))
	return findAll[domain.Offer](ctx, db.offers(), filter, opts)
}
