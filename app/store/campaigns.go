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
	campaignsCollection      = "campaigns"
	campaignGroupsCollection = "campaign_groups"
)

func (db *DB) campaigns() *mongo.Collection { return db.db.Collection(campaignsCollection) }

func (db *DB) campaignGroups() *mongo.Collection { return db.db.Collection(campaignGroupsCollection) }

// InsertCampaign saves a new visit campaign.
func (db *DB) InsertCampaign(ctx context.Context, c *domain.Campaign) error {
	_, err := db.campaigns().InsertOne(ctx, c)
	return mapError(err)
}

// CampaignByID returns the campaign with this id.
func (db *DB) CampaignByID(ctx context.Context, id string) (*domain.Campaign, error) {
	return findByID[domain.Campaign](ctx, db, db.campaigns(), id, "error.campaign.not_found")
}

// Campaigns returns every campaign, latest week first, without results.
func (db *DB) Campaigns(ctx context.Context) ([]domain.Campaign, error) {
	opts := options.Find().SetSort(bson.D{{Key: "week_start", Value: -1}, {Key: "_id", Value: 1}}).
		SetProjection(bson.D{{Key: "results", Value: 0}})
	return findAll[domain.Campaign](ctx, db.campaigns(), bson.D{}, opts)
}

// UpdateCampaign records a step of a campaign still in one of the statuses
// from, and reports whether it applied: one conditional update, so that a
// run and a publication never cross.
func (db *DB) UpdateCampaign(ctx context.Context, id string, from []domain.CampaignStatus, to domain.CampaignStatus, change domain.CampaignChange) (bool, error) {
	return moveStatus(ctx, db.campaigns(), id, from, to, campaignChange(change))
}

// SaveCampaignGroup inserts or replaces a group and its wishes.
func (db *DB) SaveCampaignGroup(ctx context.Context, g *domain.CampaignGroup) error {
	_, err := db.campaignGroups().ReplaceOne(ctx, bson.D{{Key: "_id", Value: g.ID}}, g, options.Replace().SetUpsert(true))
	return mapError(err)
}

// CampaignGroupByID returns the group with this id.
func (db *DB) CampaignGroupByID(ctx context.Context, id string) (*domain.CampaignGroup, error) {
	return findByID[domain.CampaignGroup](ctx, db, db.campaignGroups(), id, "error.campaign.group_not_found")
}

// CampaignGroups returns the groups of a campaign, of one counsellor when
// counsellorID is not empty, in the order they were entered.
func (db *DB) CampaignGroups(ctx context.Context, campaignID, counsellorID string) ([]domain.CampaignGroup, error) {
	filter := bson.D{{Key: "campaign_id", Value: campaignID}}
	if counsellorID != "" {
		filter = append(filter, bson.E{Key: "counsellor_id", Value: counsellorID})
	}
	opts := options.Find().SetSort(bson.D{{Key: "_id", Value: 1}})
	return findAll[domain.CampaignGroup](ctx, db.campaignGroups(), filter, opts)
}

// SessionsBetween returns the sessions starting in [from, to), soonest
// first, with what a list needs of their published offer. Two queries.
func (db *DB) SessionsBetween(ctx context.Context, from, to time.Time) ([]domain.SessionWithOffer, error) {
	filter := bson.D{{Key: "starts_at", Value: bson.D{{Key: "$gte", Value: from}, {Key: "$lt", Value: to}}}}
	return db.sessionsWithOffers(ctx, filter, 0)
}

// SessionsByIDs returns the sessions with these ids, soonest first, with
// their published offer. Two queries.
func (db *DB) SessionsByIDs(ctx context.Context, ids []string) ([]domain.SessionWithOffer, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	return db.sessionsWithOffers(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: ids}}}}, 0)
}

// sessionsWithOffers reads the sessions the filter picks, soonest first, at
// most limit of them when limit is above zero, with their published offers:
// two queries.
func (db *DB) sessionsWithOffers(ctx context.Context, filter bson.D, limit int) ([]domain.SessionWithOffer, error) {
	opts := options.Find().SetSort(soonestFirst)
	if limit > 0 {
		opts.SetLimit(int64(limit))
	}
	sessions, err := findAll[domain.VisitSession](ctx, db.sessions(), filter, opts)
	if err != nil || len(sessions) == 0 {
		return nil, err
	}
	offers, err := db.publishedOffersByID(ctx, offerIDs(sessions))
	if err != nil {
		return nil, err
	}
	return withOffers(sessions, offers), nil
}
