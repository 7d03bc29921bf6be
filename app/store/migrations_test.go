package store_test

import (
	"context"
	"slices"
	"testing"

	"passerelle/app/domain"
	"passerelle/app/store"
	"passerelle/app/store/storetest"
)

func TestMigrateTwiceIsNoOp(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t) // migrated once already
	first, err := db.AppliedMigrations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(first) != store.MigrationCount() {
		t.Fatalf("%d migrations recorded, want %d", len(first), store.MigrationCount())
	}
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("second run: %v", err)
	}
	second, err := db.AppliedMigrations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for id, at := range first {
		if second[id] != at {
			t.Errorf("migration %s re-applied: %v then %v", id, at, second[id])
		}
	}
	if len(second) != len(first) {
		t.Errorf("%d migrations recorded after the second run, want %d", len(second), len(first))
	}
}

func TestMigrateCreatesIndexes(t *testing.T) {
	names, err := testDB.IndexNames(context.Background(), "users")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(names, "email_unique") {
		t.Errorf("users indexes %v lack email_unique", names)
	}
}

func TestSIRETUniqueOnlyWhenPresent(t *testing.T) {
	ctx := context.Background()
	noSIRET := []domain.Organisation{{ID: newID("no-siret"), Kind: domain.KindSchool}, {ID: newID("no-siret"), Kind: domain.KindCIO}}
	if err := testDB.InsertOrganisations(ctx, noSIRET); err != nil {
		t.Fatalf("two organisations without SIRET: %v", err)
	}
	withSIRET := domain.Organisation{ID: newID("siret"), Kind: domain.KindCompany, SIRET: newID("356000000")}
	if err := testDB.InsertOrganisations(ctx, []domain.Organisation{withSIRET}); err != nil {
		t.Fatal(err)
	}
	withSIRET.ID = newID("siret")
	assertCode(t, testDB.InsertOrganisations(ctx, []domain.Organisation{withSIRET}), domain.ECONFLICT)
}
