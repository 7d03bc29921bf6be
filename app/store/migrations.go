package store

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

const migrationsCollection = "migrations"

// migration is one step of the schema; its id is recorded once applied, so
// ids must never change and new steps go at the end of the list.
type migration struct {
	id    string
	apply func(ctx context.Context, db *mongo.Database) error
}

// migrations are applied in order. Uniqueness of optional identifiers uses
// sparse indexes: MongoDB then skips documents without the field, and
// FerretDB (which ignores sparse and has no partial indexes) stores a missing
// field as SQL NULL, which a SQLite UNIQUE index never counts as a duplicate.
var migrations = []migration{
	{"0001_users_email", createIndex(usersCollection, "email_unique", bson.D{{Key: "email", Value: 1}}, unique)},
	{"0002_organisations_siret", createIndex(organisationsCollection, "siret_unique", bson.D{{Key: "siret", Value: 1}}, uniqueIfPresent)},
	{"0003_organisations_uai", createIndex(organisationsCollection, "uai_unique", bson.D{{Key: "uai", Value: 1}}, uniqueIfPresent)},
	{"0004_offers_status_published", createIndex(offersCollection, "status_published_at", bson.D{{Key: "status", Value: 1}, {Key: "published_at", Value: -1}}, plain)},
	{"0005_offers_organisation", createIndex(offersCollection, "organisation_id", bson.D{{Key: "organisation_id", Value: 1}}, plain)},
	{"0006_sessions_offer", createIndex(sessionsCollection, "offer_id", bson.D{{Key: "offer_id", Value: 1}}, plain)},
	{"0007_sessions_starts_at", createIndex(sessionsCollection, "starts_at", bson.D{{Key: "starts_at", Value: 1}}, plain)},
	{"0008_youths_structure", createIndex(youthsCollection, "structure_id", bson.D{{Key: "structure_id", Value: 1}}, plain)},
	{"0009_calls_opens_at", createIndex(callsCollection, "opens_at", bson.D{{Key: "opens_at", Value: 1}}, plain)},
	{"0301_web_sessions_user", createIndex(webSessionsCollection, "user_id", bson.D{{Key: "user_id", Value: 1}}, plain)},
	{"0302_tokens_user", createIndex(tokensCollection, "user_id_purpose", bson.D{{Key: "user_id", Value: 1}, {Key: "purpose", Value: 1}}, plain)},
	{"0303_audit_at", createIndex(auditCollection, "at", bson.D{{Key: "at", Value: -1}}, plain)},
	{"0304_organisations_rna", createIndex(organisationsCollection, "rna_unique", bson.D{{Key: "rna", Value: 1}}, uniqueIfPresent)},
	{"0305_users_organisations", createIndex(usersCollection, "organisation_ids", bson.D{{Key: "organisation_ids", Value: 1}}, plain)},
	{"0801_grants_call", createIndex(grantsCollection, "call_id", bson.D{{Key: "call_id", Value: 1}}, plain)},
	{"0802_grants_organisation", createIndex(grantsCollection, "organisation_id", bson.D{{Key: "organisation_id", Value: 1}}, plain)},
	{"0803_grant_versions_grant", createIndex(grantVersionsCollection, "grant_id", bson.D{{Key: "grant_id", Value: 1}}, plain)},
	{"0804_grant_notes_grant", createIndex(grantNotesCollection, "grant_id", bson.D{{Key: "grant_id", Value: 1}}, plain)},
	{"0805_reviews_grant", createIndex(reviewsCollection, "grant_id", bson.D{{Key: "grant_id", Value: 1}}, plain)},
	{"0806_reviews_reviewer", createIndex(reviewsCollection, "reviewer_id", bson.D{{Key: "reviewer_id", Value: 1}}, plain)},
	{"0807_awards_call", createIndex(awardsCollection, "call_id", bson.D{{Key: "call_id", Value: 1}}, plain)},
	{"0101_bookings_session", createIndex(bookingsCollection, "session_id", bson.D{{Key: "session_id", Value: 1}}, plain)},
	{"0102_bookings_counsellor", createIndex(bookingsCollection, "counsellor_id", bson.D{{Key: "counsellor_id", Value: 1}}, plain)},
	{"0103_bookings_organisation", createIndex(bookingsCollection, "organisation_id", bson.D{{Key: "organisation_id", Value: 1}}, plain)},
	{"0104_applications_offer", createIndex(applicationsCollection, "offer_id", bson.D{{Key: "offer_id", Value: 1}}, plain)},
	{"0105_applications_youth", createIndex(applicationsCollection, "youth_id", bson.D{{Key: "youth_id", Value: 1}}, plain)},
	{"0106_applications_organisation", createIndex(applicationsCollection, "organisation_id", bson.D{{Key: "organisation_id", Value: 1}}, plain)},
	{"0107_applications_expiry", createIndex(applicationsCollection, "status_expires_at", bson.D{{Key: "status", Value: 1}, {Key: "expires_at", Value: 1}}, plain)},
	{"0013_notifications_due", createIndex(notificationsCollection, "state_next_at", bson.D{{Key: "state", Value: 1}, {Key: "next_at", Value: 1}}, plain)},
	{"0601_campaign_groups_campaign", createIndex(campaignGroupsCollection, "campaign_id_counsellor_id", bson.D{{Key: "campaign_id", Value: 1}, {Key: "counsellor_id", Value: 1}}, plain)},
	{"0108_favourites_youth", createIndex(favouritesCollection, "youth_id", bson.D{{Key: "youth_id", Value: 1}}, plain)},
	{"0109_application_messages_application", createIndex(applicationMessagesCollection, "application_id", bson.D{{Key: "application_id", Value: 1}}, plain)},
	{"0110_saved_searches_youth", createIndex(savedSearchesCollection, "youth_id", bson.D{{Key: "youth_id", Value: 1}}, plain)},
	{"0808_calls_closed_before_the_closing_job", markClosedCalls},
	{"0306_users_last_sign_in_unknown", markUnknownSignIns},
	{"0014_notifications_claim", createIndex(notificationsCollection, "claimed_by", bson.D{{Key: "claimed_by", Value: 1}}, plain)},
	{"0015_notification_claims_dropped", dropCollection("notification_claims")},
	{"0111_testimonies_status", createIndex(testimoniesCollection, "status_created_at", bson.D{{Key: "status", Value: 1}, {Key: "created_at", Value: 1}}, plain)},
	{"0112_testimonies_organisation", createIndex(testimoniesCollection, "organisation_id_status", bson.D{{Key: "organisation_id", Value: 1}, {Key: "status", Value: 1}}, plain)},
	{"0113_testimonies_families", createIndex(testimoniesCollection, "families_status", bson.D{{Key: "families", Value: 1}, {Key: "status", Value: 1}}, plain)},
	{"0114_youth_discoveries_youth", createIndex(youthDiscoveriesCollection, "youth_id", bson.D{{Key: "youth_id", Value: 1}}, plain)},
	{"0115_shelves", fillShelves},
	{"1601_events_starts_at", createIndex(eventsCollection, "starts_at", bson.D{{Key: "starts_at", Value: 1}}, plain)},
	{"1602_event_registrations_event", createIndex(registrationsCollection, "event_id", bson.D{{Key: "event_id", Value: 1}}, plain)},
	{"1603_event_registrations_user", createIndex(registrationsCollection, "user_id", bson.D{{Key: "user_id", Value: 1}}, plain)},
	{"0901_signature_requests_subject", createIndex(signaturesCollection, "subject_id", bson.D{{Key: "subject_id", Value: 1}}, plain)},
	{"0902_signature_requests_emails", createIndex(signaturesCollection, "emails", bson.D{{Key: "emails", Value: 1}}, plain)},
	{"0903_signature_requests_state", createIndex(signaturesCollection, "state_created_at", bson.D{{Key: "state", Value: 1}, {Key: "created_at", Value: -1}}, plain)},
	{"0904_signature_requests_group", createIndex(signaturesCollection, "group_id", bson.D{{Key: "group_id", Value: 1}}, plain)},
	{"0116_shelves_in_chunks", splitShelves},
	{"0117_favourites_and_saved_searches_shelves", func(ctx context.Context, db *mongo.Database) error {
		return fillTheShelves(ctx, db, favouritesOfYouths, savedSearchesOfYouths)
	}},
	{"0118_offers_awaiting_moderation_shelf", func(ctx context.Context, db *mongo.Database) error {
		return fillTheShelves(ctx, db, offersAwaitingModeration)
	}},
}

// dropCollection removes a collection the code no longer uses.
func dropCollection(name string) func(context.Context, *mongo.Database) error {
	return func(ctx context.Context, db *mongo.Database) error { return db.Collection(name).Drop(ctx) }
}

var (
	plain           = options.Index()
	unique          = options.Index().SetUnique(true)
	uniqueIfPresent = options.Index().SetUnique(true).SetSparse(true)
)

func createIndex(collection, name string, keys bson.D, opts *options.IndexOptions) func(context.Context, *mongo.Database) error {
	return func(ctx context.Context, db *mongo.Database) error {
		model := mongo.IndexModel{Keys: keys, Options: options.MergeIndexOptions(opts, options.Index().SetName(name))}
		_, err := db.Collection(collection).Indexes().CreateOne(ctx, model)
		return err
	}
}

// Migrate applies, in order, the migrations not yet recorded in the
// migrations collection. Running it again is a no-op.
func (db *DB) Migrate(ctx context.Context) error {
	applied, err := db.appliedMigrations(ctx)
	if err != nil {
		return err
	}
	for _, m := range migrations {
		if applied[m.id] {
			continue
		}
		if err := db.applyMigration(ctx, m); err != nil {
			return err
		}
	}
	if db.Embedded() {
		return db.indexEmbeddedIDs(ctx)
	}
	return nil
}

func (db *DB) appliedMigrations(ctx context.Context) (map[string]bool, error) {
	done, err := findAll[struct {
		ID string `bson:"_id"`
	}](ctx, db.db.Collection(migrationsCollection), bson.D{})
	applied := make(map[string]bool, len(done))
	for _, m := range done {
		applied[m.ID] = true
	}
	return applied, err
}

func (db *DB) applyMigration(ctx context.Context, m migration) error {
	if err := m.apply(ctx, db.db); err != nil {
		return fmt.Errorf("store: migration %s: %w", m.id, mapError(err))
	}
	record := bson.D{{Key: "_id", Value: m.id}, {Key: "applied_at", Value: time.Now().UTC()}}
	_, err := db.db.Collection(migrationsCollection).InsertOne(ctx, record)
	if mongo.IsDuplicateKeyError(err) {
		return nil // another process applied it at the same time: index creation is idempotent
	}
	if err != nil {
		return fmt.Errorf("store: record migration %s: %w", m.id, mapError(err))
	}
	db.logger.Info("database migration applied", "migration", m.id)
	return nil
}
