package passerelle_test

import (
	"context"
	"log/slog"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/passerelle"
	"passerelle/app/store"
	"passerelle/app/store/storetest"
	"passerelle/search"
	"passerelle/search/embedded"
	"passerelle/search/meili"
	"passerelle/search/searchtest"
)

func offer(id string, status domain.OfferStatus) domain.Offer {
	published := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	return domain.Offer{ID: id, Type: domain.OfferApprenticeship, Title: "Apprenti boulanger " + id,
		Description: "Fournil de quartier", CommuneCode: "92050", Lat: 48.8924, Lng: 2.2069, AgeMin: 16,
		AgeMax: 25, Status: status, StartDate: published.AddDate(0, 2, 0), PublishedAt: &published}
}

func insert(t *testing.T, db *store.DB, offers ...domain.Offer) {
	t.Helper()
	if err := db.InsertOffers(context.Background(), offers); err != nil {
		t.Fatal(err)
	}
}

// indexEqualsDB fails unless the index holds exactly the published offers.
func indexEqualsDB(t *testing.T, db *store.DB, engine search.Engine) {
	t.Helper()
	ctx := context.Background()
	offers, err := db.AllOffers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, o := range offers {
		if o.Status == domain.OfferPublished {
			want = append(want, o.ID)
		}
	}
	got, err := engine.IDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("index holds %v, database publishes %v", got, want)
	}
}

func TestReconcileMakesTheIndexEqualToTheDatabase(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	engine, err := embedded.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = engine.Close() })
	insert(t, db, offer("kept", domain.OfferPublished), offer("new", domain.OfferPublished), offer("closed", domain.OfferClosed))
	stale := []domain.Offer{offer("kept", domain.OfferPublished), offer("closed", domain.OfferPublished), offer("ghost", domain.OfferPublished)}
	for _, o := range stale {
		if err := engine.Index(ctx, passerelle.SearchDocument(o)); err != nil {
			t.Fatal(err)
		}
	}
	ix := passerelle.NewIndexer(db, engine, slog.New(slog.DiscardHandler))
	report, err := ix.Reconcile(ctx, true)
	want := passerelle.ReconcileReport{Added: 1, Updated: 1, Removed: 2}
	if err != nil || report != want {
		t.Fatalf("dry run: %+v, %v; want %+v", report, err, want)
	}
	if report, err = ix.Reconcile(ctx, false); err != nil || report != want {
		t.Fatalf("reconcile: %+v, %v; want %+v", report, err, want)
	}
	indexEqualsDB(t, db, engine)
}

// While Meilisearch is down, offers are still saved and their changes wait
// in the outbox; once it is back, a retry and a reconcile catch up.
func TestOfferChangesSurviveAnOutage(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	server := searchtest.RunMeilisearch(t)
	engine, err := meili.New(ctx, meili.Config{URL: server.URL, APIKey: server.Key})
	if err != nil {
		t.Fatal(err)
	}
	ix := passerelle.NewIndexer(db, engine, slog.New(slog.DiscardHandler))
	before, ghost := offer("before", domain.OfferPublished), offer("ghost", domain.OfferPublished)
	insert(t, db, before)
	ix.OfferChanged(ctx, before)
	ix.OfferChanged(ctx, ghost) // indexed, never saved: its closing during the outage finds it nowhere in the database

	server.Stop()
	during := offer("during", domain.OfferPublished)
	insert(t, db, during)
	ix.OfferChanged(ctx, during)
	ix.OfferChanged(ctx, offer("ghost", domain.OfferClosed))
	if pending, err := db.PendingSearchSync(ctx); err != nil || len(pending) != 2 {
		t.Fatalf("outbox holds %v (%v), want the 2 offers changed during the outage", pending, err)
	}
	if _, err := ix.RetryPending(ctx); err == nil {
		t.Fatal("retry succeeded while Meilisearch is down")
	}

	server.Restart(t)
	if n, err := ix.RetryPending(ctx); err != nil || n != 2 {
		t.Fatalf("retry after restart synced %d offers: %v", n, err)
	}
	if pending, _ := db.PendingSearchSync(ctx); len(pending) != 0 {
		t.Errorf("outbox still holds %v after a successful retry", pending)
	}
	indexEqualsDB(t, db, engine)
	if report, err := ix.Reconcile(ctx, false); err != nil || report.Added+report.Removed != 0 {
		t.Errorf("reconcile after the retry: %+v, %v; want nothing left to add or remove", report, err)
	}
}

func TestRetryLeavesOffersQueuedSinceItStarted(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	queuedAt := time.Now().Add(time.Hour) // as if queued again while the retry ran
	if err := db.QueueSearchSync(ctx, "late", queuedAt); err != nil {
		t.Fatal(err)
	}
	if err := db.ClearSearchSync(ctx, []string{"late"}, time.Now()); err != nil {
		t.Fatal(err)
	}
	if pending, _ := db.PendingSearchSync(ctx); !slices.Equal(pending, []string{"late"}) {
		t.Errorf("outbox holds %v, want the offer queued after the retry started", pending)
	}
}
