package digest_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/mail/mailtest"
	"passerelle/app/notify"
	"passerelle/app/notify/digest"
	"passerelle/app/notify/notifytest"
	"passerelle/app/store"
	"passerelle/app/store/storetest"
	"passerelle/jobs"
)

type fixture struct {
	db      *store.DB
	server  *mailtest.Server
	now     time.Time
	notify  *notify.Service
	digests *digest.Digests
}

// newFixture runs the digests on a real database and SMTP server, on Monday
// 30 November 2026 at 8:00 in Paris unless the test moves f.now.
func newFixture(t testing.TB) *fixture {
	t.Helper()
	f := &fixture{db: storetest.Open(t), server: mailtest.Start(t), now: time.Date(2026, 11, 30, 8, 0, 0, 0, domain.Paris)}
	clock := func() time.Time { return f.now }
	f.notify = newService(t, f.db, f.server, clock, 1000)
	f.digests = digest.New(f.db, f.notify, digest.Config{Now: clock})
	return f
}

// newService is the notification service queuing in st and sending to
// server at rate emails per second at most.
func newService(t testing.TB, st notify.Store, server *mailtest.Server, clock func() time.Time, rate float64) *notify.Service {
	return notifytest.New(t, st, server, notify.Config{SendRate: rate, Now: clock})
}

func (f *fixture) insert(t *testing.T, errs ...error) {
	t.Helper()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

func run(t *testing.T, job func(context.Context, jobs.RunOptions) (jobs.Report, error), dry bool) jobs.Report {
	t.Helper()
	r, err := job(t.Context(), jobs.RunOptions{DryRun: dry})
	if err != nil || r.Errors != 0 {
		t.Fatalf("run: %+v %v", r, err)
	}
	return r
}

func recipients(got []mailtest.Received) []string {
	var to []string
	for _, m := range got {
		to = append(to, m.To[0])
	}
	slices.Sort(to)
	return to
}

func TestStaffSummaryOncePerWeekWithDryRun(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	f.insert(t, f.db.InsertUsers(ctx, []domain.User{
		{ID: "u1", Email: "agent@hauts-de-seine.fr", Name: "Claire Martin", Roles: []domain.Role{domain.RoleStaff}, Locale: "fr"},
		{ID: "u2", Email: "analyst@hauts-de-seine.fr", Name: "Sam Lee", Roles: []domain.Role{domain.RoleStaff, domain.RoleAdmin}, Locale: "en"},
		{ID: "u3", Email: "jeune@example.org", Roles: []domain.Role{domain.RoleYouth}, Locale: "fr"},
	}), f.db.InsertOffers(ctx, []domain.Offer{{ID: "o1", Status: domain.OfferPending}, {ID: "o2", Status: domain.OfferPending},
		{ID: "o3", Status: domain.OfferPublished}}))
	dry := run(t, f.digests.StaffSummary, true)
	if !strings.Contains(dry.Summary, "agent@hauts-de-seine.fr — « Passerelle 92 : la synthèse de la semaine au 30 novembre 2026 »") ||
		!strings.Contains(dry.Summary, "analyst@") || len(f.server.Messages()) != 0 {
		t.Fatalf("dry run: %s (%d sent)", dry.Summary, len(f.server.Messages()))
	}
	run(t, f.digests.StaffSummary, false)
	got := f.server.WaitFor(2, 10*time.Second)
	if to := recipients(got); !slices.Equal(to, []string{"agent@hauts-de-seine.fr", "analyst@hauts-de-seine.fr"}) {
		t.Fatalf("recipients %v", to)
	}
	fr := got[slices.IndexFunc(got, func(m mailtest.Received) bool { return m.To[0] == "agent@hauts-de-seine.fr" })]
	for _, want := range []string{"Bonjour Claire Martin,", "Offres en attente de modération : 2", "Offres publiées : 1"} {
		if !strings.Contains(fr.Text, want) {
			t.Errorf("summary lacks %q:\n%s", want, fr.Text)
		}
	}
	f.now = f.now.Add(3 * 24 * time.Hour)
	if r := run(t, f.digests.StaffSummary, false); r.Items != 0 || len(f.server.Messages()) != 2 {
		t.Fatalf("a second run in the same week sent again: %+v", r)
	}
	f.now = f.now.Add(5 * 24 * time.Hour)
	run(t, f.digests.StaffSummary, false)
	f.server.WaitFor(4, 10*time.Second)
}

func TestVisitRemindersGoToBookedCounsellorsAndTheEmployer(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	inTwoDays := time.Date(2026, 12, 2, 14, 0, 0, 0, domain.Paris)
	f.insert(t,
		f.db.InsertOffers(ctx, []domain.Offer{{ID: "o1", OrganisationID: "org1", OrganisationName: "Boulangerie Delmas",
			Title: "Découvrir le fournil", Type: domain.OfferVisit, Status: domain.OfferPublished}}),
		f.db.InsertSessions(ctx, []domain.VisitSession{
			{ID: "s1", OfferID: "o1", StartsAt: inTwoDays, Capacity: 30, MeetingPoint: "12 rue de la Gare, Clichy"},
			{ID: "s2", OfferID: "o1", StartsAt: inTwoDays.AddDate(0, 0, 1), Capacity: 30}}),
		f.db.InsertUsers(ctx, []domain.User{{ID: "e1", Email: "patron@delmas.fr", Name: "Paul Delmas",
			Roles: []domain.Role{domain.RoleEmployer}, OrganisationIDs: []string{"org1"}, Locale: "fr"}}),
		f.db.InsertBooking(ctx, &domain.Booking{ID: "b1", SessionID: "s1", OfferID: "o1", Seats: 12,
			CounsellorEmail: "prof@college.fr", CounsellorName: "Inès Roche", Status: domain.BookingConfirmed}),
		f.db.InsertBooking(ctx, &domain.Booking{ID: "b2", SessionID: "s1", OfferID: "o1", Seats: 8,
			CounsellorEmail: "annule@college.fr", Status: domain.BookingCancelled}),
		f.db.InsertBooking(ctx, &domain.Booking{ID: "b3", SessionID: "s2", OfferID: "o1", Seats: 8,
			CounsellorEmail: "plus-tard@college.fr", Status: domain.BookingConfirmed}))
	run(t, f.digests.VisitReminders, false)
	got := f.server.WaitFor(2, 10*time.Second)
	if to := recipients(got); !slices.Equal(to, []string{"patron@delmas.fr", "prof@college.fr"}) {
		t.Fatalf("recipients %v", to)
	}
	for _, m := range got {
		if m.Subject != "Rappel : « Découvrir le fournil », le 2 décembre 2026" ||
			!strings.Contains(m.Text, "mercredi 2 décembre 2026 à 14 h 00") || !strings.Contains(m.Text, "12 rue de la Gare") ||
			!strings.Contains(m.Text, "https://passerelle92.test/offres/o1") {
			t.Errorf("reminder to %s: %q\n%s", m.To[0], m.Subject, m.Text)
		}
	}
	run(t, f.digests.VisitReminders, false)
	if len(f.server.Messages()) != 2 {
		t.Fatal("a second run reminded again")
	}
}
