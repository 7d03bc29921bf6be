package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"

	"go.mongodb.org/mongo-driver/mongo"
	_ "modernc.org/sqlite" // the driver FerretDB itself uses, registered as "sqlite"
)

// embeddedCollections are created at start-up on the embedded database, so
// that indexEmbeddedIDs reaches them before they fill up.
var embeddedCollections = []string{
	apiKeysCollection, applicationMessagesCollection, applicationsCollection, auditCollection, awardsCollection,
	bookingsCollection, callsCollection, campaignGroupsCollection, campaignsCollection, emailPreferencesCollection,
	eventsCollection, favouritesCollection, grantNotesCollection, grantVersionsCollection, grantsCollection,
	jobRunsCollection, lastRunsCollection, leasesCollection, notificationBodiesCollection, notificationsCollection,
	notificationsSentCollection, offersCollection, organisationsCollection, rateLimitsCollection,
	registrationsCollection, reviewsCollection, savedSearchesCollection, searchOutboxCollection, secretsCollection,
	sessionsCollection, shelvesCollection, signaturesCollection, supportCollection, testimoniesCollection,
	tokensCollection, usersCollection, versionsCollection, webSessionsCollection, youthDiscoveriesCollection,
	youthsCollection,
}

// indexEmbeddedIDs gives every table of the embedded database an index on
// the expression FerretDB compares `_id` with (`_ferretdb_sjson->'$._id'`).
// FerretDB's own unique `_id` index is written `_ferretdb_sjson->"_id"`,
// which SQLite does not match with it, so without this index every find,
// update and delete by `_id` scans the whole table (see docs/BENCHMARKS.md).
// FerretDB does not list the index (its metadata does not hold it) and
// drops it with the table.
func (db *DB) indexEmbeddedIDs(ctx context.Context) error {
	for _, name := range embeddedCollections {
		var exists mongo.CommandError
		if err := db.db.CreateCollection(ctx, name); err != nil && !(errors.As(err, &exists) && exists.Code == 48) {
			return fmt.Errorf("store: create collection %s: %w", name, mapError(err))
		}
	}
	file := filepath.Join(db.ferret.dir, db.db.Name()+".sqlite")
	conn, err := sql.Open("sqlite", "file:"+filepath.ToSlash(file)+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return fmt.Errorf("store: open %s: %w", file, err)
	}
	defer conn.Close()
	tables, err := ferretTables(ctx, conn)
	if err != nil {
		return fmt.Errorf("store: tables of %s: %w", file, err)
	}
	for _, t := range tables {
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %q ON %q (_ferretdb_sjson->'$._id')`, t+"_id_lookup", t)
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("store: index %s: %w", t, err)
		}
	}
	return nil
}

func ferretTables(ctx context.Context, conn *sql.DB) ([]string, error) {
	rows, err := conn.QueryContext(ctx, `SELECT table_name FROM _ferretdb_collections`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var tables []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		tables = append(tables, t)
	}
	return tables, rows.Err()
}
