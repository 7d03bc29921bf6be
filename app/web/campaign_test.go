package web_test

import (
	"log/slog"
	"testing"
	"time"

	"passerelle/app/campaign"
	"passerelle/app/i18n"
	"passerelle/app/mail"
	"passerelle/app/store"
)

// newCampaigns is the campaigns' service of the web fixture, emailing to an outbox.
func newCampaigns(t testing.TB, db *store.DB, catalog i18n.Catalog, now func() time.Time) *campaign.Service {
	t.Helper()
	outbox, err := mail.NewOutbox(t.TempDir(), mail.Address{Email: "ne-pas-repondre@passerelle92.test"})
	if err != nil {
		t.Fatal(err)
	}
	svc := campaign.New(db, outbox, catalog, campaign.Config{BaseURL: "http://passerelle92.test"}, slog.New(slog.DiscardHandler))
	svc.SetClock(now)
	return svc
}
