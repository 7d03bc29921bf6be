package store_test

import (
	"context"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/readmodel"
	"passerelle/app/roundtrip"
	"passerelle/app/store"
	"passerelle/app/store/storetest"
)

// The command monitor counts a request's commands, and a collection's stamp
// grows with this process's writes at once, with another process's at the
// first sync after its publication, and with nothing else.
func TestRoundTripsAndChangeStamps(t *testing.T) {
	db := storetest.Open(t)
	other := storetest.Shared(t, db)
	now := monday
	if err := db.SyncChanges(context.Background(), now); err != nil {
		t.Fatal(err)
	}
	ctx, trips := roundtrip.With(context.Background())
	if _, err := db.LatestPublishedOffers(ctx, 5); err != nil {
		t.Fatal(err)
	}
	if trips.Count() != 1 || trips.Commands()[0] != "find offers" {
		t.Errorf("round trips of one find: %d %v", trips.Count(), trips.Commands())
	}

	before, calls := db.ChangeStamp(readmodel.Offers), db.ChangeStamp(readmodel.Calls)
	if err := db.InsertOffers(ctx, []domain.Offer{{ID: "here", Title: "Apprenti boulanger"}}); err != nil {
		t.Fatal(err)
	}
	afterHere := db.ChangeStamp(readmodel.Offers)
	if afterHere == before || db.ChangeStamp(readmodel.Calls) != calls {
		t.Errorf("stamps after this process wrote an offer: offers %d → %d, calls %d → %d",
			before, afterHere, calls, db.ChangeStamp(readmodel.Calls))
	}
	if err := other.InsertOffers(context.Background(), []domain.Offer{{ID: "there", Title: "Auxiliaire de crèche"}}); err != nil {
		t.Fatal(err)
	}
	if err := other.PublishChanges(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := db.SyncChanges(context.Background(), now.Add(store.SyncEvery-time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	if got := db.ChangeStamp(readmodel.Offers); got != afterHere {
		t.Errorf("the versions were read again before SyncEvery")
	}
	if err := db.SyncChanges(context.Background(), now.Add(store.SyncEvery)); err != nil {
		t.Fatal(err)
	}
	if got := db.ChangeStamp(readmodel.Offers); got == afterHere {
		t.Errorf("another process's offer is not seen after SyncEvery")
	}
}
