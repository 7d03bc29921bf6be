package main

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/search/searchtest"
)

// Meilisearch stops while the platform runs: offers are still saved, the
// search page says so in French and the rest of the site works; once it is
// back, a reconcile leaves the index equal to the database.
func TestSearchOutageWithMeilisearch(t *testing.T) {
	ctx := context.Background()
	server := searchtest.RunMeilisearch(t)
	cfg := testConfig(t)
	cfg.Search.MeilisearchURL, cfg.Search.MeilisearchKey = server.URL, server.Key
	cfg.Jobs.SearchRetry = "" // the scheduled retry would race the reconcile this test checks
	m := startMain(t, cfg, true)

	server.Stop()
	published := time.Now()
	offer := domain.Offer{ID: "offer-outage", Type: domain.OfferApprenticeship, Title: "Apprenti fromager",
		Description: "Affinage et vente", CommuneCode: "92050", Lat: 48.8924, Lng: 2.2069, AgeMin: 16, AgeMax: 25,
		Status: domain.OfferPublished, CreatedAt: published, PublishedAt: &published}
	if err := m.DB.InsertOffers(ctx, []domain.Offer{offer}); err != nil {
		t.Fatalf("offer not saved during the outage: %v", err)
	}
	m.Indexer.OfferChanged(ctx, offer)
	status, body := httpGet(t, m.URL()+"/offres?q=fromager")
	if status != http.StatusServiceUnavailable || !strings.Contains(body, "momentanément indisponible") {
		t.Errorf("search page during the outage: %d, outage message shown: %v", status, strings.Contains(body, "indisponible"))
	}
	if status, _ := httpGet(t, m.URL()+"/jeunes"); status != http.StatusOK {
		t.Errorf("youth space during the outage: %d", status)
	}

	server.Restart(t)
	report, err := m.Indexer.Reconcile(ctx, false)
	if err != nil || report.Added != 1 || report.Removed != 0 {
		t.Fatalf("reconcile after restart: %+v, %v; want the offer created during the outage added", report, err)
	}
	// A dry run finds nothing left to add or remove: the index equals the database.
	if again, err := m.Indexer.Reconcile(ctx, true); err != nil || again.Added+again.Removed != 0 {
		t.Errorf("second reconcile would still change %+v (%v)", again, err)
	}
	if pending, err := m.DB.PendingSearchSync(ctx); err != nil || len(pending) != 0 {
		t.Errorf("outbox after the reconcile: %v, %v; want empty", pending, err)
	}
	if status, body := httpGet(t, m.URL()+"/offres?q=fromager"); status != http.StatusOK || !strings.Contains(body, "/offres/offer-outage") {
		t.Errorf("after the reconcile, fromager: %d, offer found: %v", status, strings.Contains(body, "offer-outage"))
	}
}
