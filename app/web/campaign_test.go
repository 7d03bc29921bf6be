package web_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"passerelle/app/campaign"
	"passerelle/app/domain"
	"passerelle/app/i18n"
	"passerelle/app/mail"
	"passerelle/app/notify"
	"passerelle/app/recommend"
	"passerelle/app/store"
	"passerelle/matching"
)

// newCampaigns is the campaigns' service of the web fixture, queuing its
// emails for an outbox.
func newCampaigns(t testing.TB, db *store.DB, catalog i18n.Catalog, now func() time.Time) *campaign.Service {
	t.Helper()
	outbox, err := mail.NewOutbox(t.TempDir(), mail.Address{Email: "ne-pas-repondre@passerelle92.test"})
	if err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.DiscardHandler)
	notices, err := notify.New(db, outbox, catalog, notify.Config{Secret: []byte(strings.Repeat("s", 32))}, logger)
	if err != nil {
		t.Fatal(err)
	}
	return campaign.New(db, notices, catalog, campaign.Config{BaseURL: "http://passerelle92.test",
		Now: now}, logger)
}

// newRecommendations is the recommendations' service of the web fixture.
func newRecommendations(db *store.DB, now func() time.Time) *recommend.Service {
	return recommend.New(db, recommend.Config{Weights: matching.DefaultWeights(), Now: now})
}

// A bad campaign form comes back in French next to its field, with 422,
// and nothing is created.
func TestCampaignFormRefusesBadInput(t *testing.T) {
	f := newFixture(t)
	staff := f.apiUser(t, "user-campaign-staff", domain.RoleStaff).pageVisitor()
	staff.get(t, "/agents/campagnes")
	resp, body := staff.post(t, "/agents/campagnes", url.Values{"title": {"Semaine"}, "week_start": {"2027-03-16"},
		"wish_deadline": {"2027-03-01T12:00"}, "priority_share": {"30"}})
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", resp.StatusCode)
	}
	wantContains(t, body, `id="week_start-error"`, "Indiquez le lundi de la semaine de découverte.", `aria-invalid="true"`)
	if list, err := f.db.Campaigns(context.Background()); err != nil || len(list) != 0 {
		t.Fatalf("a campaign was created: %v %v", list, err)
	}
}

// The employer of an offer sees the visible youths it suits, without any
// contact detail; another employer is refused.
func TestOfferCandidatesShowNoContact(t *testing.T) {
	f := newFixture(t)
	offers, err := f.db.LatestPublishedOffers(context.Background(), 1)
	if err != nil || len(offers) == 0 {
		t.Fatalf("no published offer: %v", err)
	}
	o := offers[0]
	path := "/employeurs/offres/" + o.ID + "/candidats"
	owner := f.apiUser(t, "user-candidates-owner", domain.RoleEmployer, o.OrganisationID).pageVisitor()
	resp, body := owner.get(t, path)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "<h1>Candidats suggérés") {
		t.Fatalf("owner: %d %s", resp.StatusCode, body)
	}
	if main := body[strings.Index(body, "<main"):]; strings.Contains(main, "@") {
		t.Errorf("a contact detail shows: %s", main)
	}
	other := f.apiUser(t, "user-candidates-other", domain.RoleEmployer, "org-elsewhere").pageVisitor()
	if resp, _ := other.get(t, path); resp.StatusCode != http.StatusForbidden {
		t.Errorf("another employer: %d", resp.StatusCode)
	}
}
