package campaign_test

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"passerelle/app/campaign"
	"passerelle/app/domain"
	"passerelle/app/i18n"
	"passerelle/app/mail"
	"passerelle/app/mail/mailtest"
	"passerelle/app/notify"
	"passerelle/app/store"
	"passerelle/app/store/storetest"
)

// fixture is a real database with two schools (one in REP+), one visit
// offer with two sessions in the week of Monday 2027-03-15, a staff agent
// and a counsellor of each school; emails go to an outbox folder.
type fixture struct {
	db        *store.DB
	svc       *campaign.Service
	outbox    string
	notify    *notify.Service
	now       time.Time
	staff     *domain.User
	rep, city *domain.User // counsellors of the REP+ school and of the other one
	sessions  []string
}

var monday = time.Date(2027, 3, 15, 0, 0, 0, 0, domain.Paris)

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{db: storetest.Open(t), outbox: t.TempDir(), now: time.Date(2027, 2, 1, 10, 0, 0, 0, domain.Paris)}
	catalog, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	outbox, err := mail.NewOutbox(f.outbox, mail.Address{Name: "Passerelle 92", Email: "ne-pas-repondre@passerelle92.fr"})
	if err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.DiscardHandler)
	if f.notify, err = notify.New(f.db, outbox, catalog, notify.Config{BaseURL: "https://passerelle92.test",
		Secret: []byte(strings.Repeat("s", 32))}, logger); err != nil {
		t.Fatal(err)
	}
	f.svc = campaign.New(f.db, f.notify, catalog, campaign.Config{BaseURL: "https://passerelle92.test",
		Now: func() time.Time { return f.now }}, logger)
	f.insert(t)
	return f
}

func (f *fixture) insert(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	orgs := []domain.Organisation{
		{ID: "org-rep", Kind: domain.KindSchool, Name: "Collège Romain Rolland", Priority: "REP+", CommuneCode: "92019"},
		{ID: "org-city", Kind: domain.KindSchool, Name: "Collège Henri Sellier", CommuneCode: "92092"},
		{ID: "org-employer", Kind: domain.KindCompany, Name: "Boulangerie des Sources", CommuneCode: "92023"},
	}
	f.staff = &domain.User{ID: "user-staff", Name: "Julien Mercier", Email: "agent@example.fr", Roles: []domain.Role{domain.RoleStaff}}
	f.rep = &domain.User{ID: "user-rep", Name: "Karim Haddad", Email: "karim@example.fr", Roles: []domain.Role{domain.RoleCounsellor}, OrganisationIDs: []string{"org-rep"}}
	f.city = &domain.User{ID: "user-city", Name: "Léa Martin", Email: "lea@example.fr", Roles: []domain.Role{domain.RoleCounsellor}, OrganisationIDs: []string{"org-city"}}
	offer := domain.Offer{ID: "offer-visit", OrganisationID: "org-employer", OrganisationName: "Boulangerie des Sources",
		Type: domain.OfferVisit, Title: "Visite du fournil", Status: domain.OfferPublished, CommuneCode: "92023", AgeMin: 14, AgeMax: 16}
	f.sessions = []string{"session-mon", "session-tue"}
	for _, err := range []error{
		f.db.InsertOrganisations(ctx, orgs),
		f.db.InsertOffers(ctx, []domain.Offer{offer}),
		f.db.InsertSessions(ctx, []domain.VisitSession{session("session-mon", monday.Add(9*time.Hour)),
			session("session-tue", monday.Add(33*time.Hour)), session("session-later", monday.AddDate(0, 0, 8))}),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
}

// session has 30 seats for groups of 10 to 30.
func session(id string, start time.Time) domain.VisitSession {
	vs := domain.VisitSession{ID: id, OfferID: "offer-visit", StartsAt: start, EndsAt: start.Add(2 * time.Hour),
		Capacity: 30, MinGroup: 10, MaxGroup: 30, AgeMin: 14, AgeMax: 16, MeetingPoint: "12 rue des Sources"}
	vs.OpenAllSeats()
	return vs
}

// open creates the campaign of the week, wishes until 2027-03-01 12:00.
func (f *fixture) open(t *testing.T) *domain.Campaign {
	t.Helper()
	c, err := f.svc.Create(context.Background(), f.staff, campaign.CampaignInput{Title: "Semaine des métiers 2027",
		WeekStart: "2027-03-15", WishDeadline: "2027-03-01T12:00", PriorityShare: "30"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (f *fixture) wish(t *testing.T, u *domain.User, c *domain.Campaign, name string, size string, wishes ...string) *domain.CampaignGroup {
	t.Helper()
	g, err := f.svc.SaveGroup(context.Background(), u, c.ID, campaign.GroupInput{Name: name, Size: size, Level: "3e", Wishes: wishes})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// emails delivers what is queued and returns every email sent so far.
func (f *fixture) emails(t *testing.T) []mailtest.Received {
	t.Helper()
	if _, err := f.notify.Deliver(context.Background(), 100); err != nil {
		t.Fatal(err)
	}
	return mailtest.ReadOutbox(t, f.outbox)
}
