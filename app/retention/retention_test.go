package retention_test

import (
	"log/slog"
	"strings"
	"testing"
	"time"

	"passerelle/app/account"
	"passerelle/app/account/accounttest"
	"passerelle/app/domain"
	"passerelle/app/mail/mailtest"
	"passerelle/app/notify"
	"passerelle/app/notify/notifytest"
	"passerelle/app/retention"
	"passerelle/app/store"
	"passerelle/app/store/storetest"
	"passerelle/jobs"
)

type fixture struct {
	db     *store.DB
	server *mailtest.Server
	notify *notify.Service
	svc    *retention.Service
	now    time.Time
}

// newFixture runs retention with the default periods on a real database
// and SMTP server, on Monday 30 November 2026 unless the test moves f.now.
func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{db: storetest.Open(t), now: time.Date(2026, 11, 30, 3, 0, 0, 0, domain.Paris)}
	clock := func() time.Time { return f.now }
	accounts, server := accounttest.New(t, f.db, func(c *account.Config) { c.Now = clock })
	f.server = server
	f.notify = notifytest.New(t, f.db, server, notify.Config{SendRate: 1000, Now: clock})
	f.svc = retention.New(f.db, accounts, f.notify, retention.Config{CVDays: 180, InactiveYears: 3, NotificationDays: 90,
		Now: clock}, slog.New(slog.DiscardHandler))
	return f
}

func (f *fixture) run(t *testing.T, dry bool) jobs.Report {
	t.Helper()
	r, err := f.svc.Run(t.Context(), jobs.RunOptions{DryRun: dry})
	if err != nil || r.Errors != 0 {
		t.Fatalf("run: %+v %v", r, err)
	}
	return r
}

func must(t *testing.T, errs ...error) {
	t.Helper()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

// The CV and the message thread of an application closed more than 180
// days ago, with a CV or not, are deleted and forgotten; recent or open
// applications keep theirs.
func TestCVsAndThreadsOfLongClosedApplicationsAreDeleted(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	days := func(n int) time.Time { return f.now.AddDate(0, 0, -n) }
	for _, a := range []domain.Application{
		{ID: "old", Status: domain.ApplicationDeclined, CVFileID: "cv-old", UpdatedAt: days(200)},
		{ID: "recent", Status: domain.ApplicationAccepted, CVFileID: "cv-recent", UpdatedAt: days(100)},
		{ID: "open", Status: domain.ApplicationSent, CVFileID: "cv-open", UpdatedAt: days(300)},
		{ID: "nocv", Status: domain.ApplicationExpired, UpdatedAt: days(250)},
	} {
		must(t, f.db.InsertApplication(ctx, &a))
		if a.CVFileID != "" {
			must(t, f.db.PutFile(ctx, a.CVFileID, "cv.pdf", []byte("%PDF-1.7")))
		}
		for _, side := range []domain.MessageSide{domain.SideYouth, domain.SideEmployer} {
			must(t, f.db.InsertApplicationMessage(ctx, &domain.ApplicationMessage{ID: a.ID + "-" + string(side),
				ApplicationID: a.ID, AuthorSide: side, Body: "Bonjour", CreatedAt: days(300)}))
		}
	}
	if r := f.run(t, true); !strings.Contains(r.Summary, "à blanc, seraient : 1 CV supprimés, 4 messages de candidatures supprimés") {
		t.Fatalf("dry run: %s", r.Summary)
	}
	if _, err := f.db.ReadFile(ctx, "cv-old"); err != nil {
		t.Fatalf("the dry run deleted the CV: %v", err)
	}
	if r := f.run(t, false); !strings.HasPrefix(r.Summary, "1 CV supprimés, 4 messages de candidatures supprimés") || r.Items != 5 {
		t.Fatalf("run: %+v", r)
	}
	if _, err := f.db.ReadFile(ctx, "cv-old"); err == nil {
		t.Fatal("the old CV is still stored")
	}
	if a, _ := f.db.ApplicationByID(ctx, "old"); a.CVFileID != "" {
		t.Fatalf("the application still points at its CV: %+v", a)
	}
	for id, want := range map[string]int{"old": 0, "nocv": 0, "recent": 2, "open": 2} {
		if thread, err := f.db.ApplicationMessages(ctx, id); err != nil || len(thread) != want {
			t.Errorf("thread of %s: %d messages, want %d (%v)", id, len(thread), want, err)
		}
	}
	for _, id := range []string{"cv-recent", "cv-open"} {
		if _, err := f.db.ReadFile(ctx, id); err != nil {
			t.Errorf("%s was deleted: %v", id, err)
		}
	}
	if r := f.run(t, false); r.Items != 0 {
		t.Fatalf("second run: %+v", r)
	}
}

// An account inactive for three years less 30 days is warned once, then
// anonymised 30 days later unless its holder signed in; staff never are.
func TestInactiveAccountsAreWarnedThenAnonymised(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	at := func(years, days int) *time.Time { t := f.now.AddDate(-years, 0, days); return &t }
	must(t, f.db.InsertUsers(ctx, []domain.User{
		{ID: "y1", Email: "lea@example.org", Name: "Léa Martin", Roles: []domain.Role{domain.RoleYouth}, Locale: "fr",
			LastSignInAt: at(3, 10)},
		{ID: "e1", Email: "patron@delmas.fr", Roles: []domain.Role{domain.RoleEmployer}, Locale: "fr",
			CreatedAt: *at(4, 0)}, // never signed in
		{ID: "back", Email: "revenu@example.org", Roles: []domain.Role{domain.RoleYouth}, Locale: "fr", LastSignInAt: at(3, 5)},
		{ID: "y2", Email: "actif@example.org", Roles: []domain.Role{domain.RoleYouth}, LastSignInAt: at(1, 0)},
		{ID: "s1", Email: "agent@hauts-de-seine.fr", Roles: []domain.Role{domain.RoleStaff}, LastSignInAt: at(5, 0)},
		{ID: "a1", Email: "admin@hauts-de-seine.fr", Roles: []domain.Role{domain.RoleAdmin}, LastSignInAt: at(5, 0)},
	}))
	if r := f.run(t, true); !strings.Contains(r.Summary, "3 comptes inactifs prévenus, 0 anonymisés") {
		t.Fatalf("dry run: %s", r.Summary)
	}
	if r := f.run(t, false); !strings.Contains(r.Summary, "3 comptes inactifs prévenus, 0 anonymisés") {
		t.Fatalf("run: %s", r.Summary)
	}
	if _, err := f.notify.Deliver(ctx, 0); err != nil {
		t.Fatal(err)
	}
	got := f.server.WaitFor(3, 10*time.Second)
	lea := got[0]
	for _, m := range got {
		if m.To[0] == "lea@example.org" {
			lea = m
		}
	}
	for _, want := range []string{"Bonjour Léa Martin,", "depuis le 10 décembre 2023", "plus de 3 ans",
		"à partir du 30 décembre 2026", "https://passerelle92.test/connexion"} {
		if !strings.Contains(lea.Text, want) {
			t.Errorf("warning lacks %q:\n%s", want, lea.Text)
		}
	}
	if r := f.run(t, false); r.Items != 0 {
		t.Fatalf("warned again: %+v", r)
	}
	must(t, f.db.MarkSignedIn(ctx, "back", f.now.AddDate(0, 0, 1))) // what a sign-in does
	f.now = f.now.AddDate(0, 0, 31)
	if r := f.run(t, false); !strings.Contains(r.Summary, "0 comptes inactifs prévenus, 2 anonymisés") {
		t.Fatalf("after 31 days: %s", r.Summary)
	}
	for id, gone := range map[string]bool{"y1": true, "e1": true, "back": false, "y2": false, "s1": false, "a1": false} {
		u, err := f.db.UserByID(ctx, id)
		if err != nil || (u.DeletedAt != nil) != gone || gone && u.Email == "lea@example.org" {
			t.Errorf("%s: %+v %v, anonymised: want %v", id, u, err, gone)
		}
	}
	events, err := f.db.LatestAudit(ctx, "y1", 1)
	if err != nil || len(events) != 1 || events[0].Action != domain.AuditAccountAnonymised || events[0].ActorID != "" ||
		!strings.Contains(events[0].Detail, "depuis 3 ans") {
		t.Errorf("audit of the anonymisation: %+v %v", events, err)
	}
	if len(f.server.Messages()) != 3 {
		t.Fatalf("%d emails", len(f.server.Messages()))
	}
}

// The body of an email sent more than 90 days ago is deleted; its record
// stays, so queuing the same key again sends nothing.
func TestOldEmailBodiesAreDeletedButTheKeyStillBlocks(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	sent := f.now
	n := notify.Notification{Key: "test/once/lea@example.org", To: notify.Recipient{Email: "lea@example.org", Locale: "fr"},
		Template: "notice", Data: notify.Notice{Key: "email.passerelle.application_expired", Args: []any{"Apprenti boulanger"}}}
	must(t, f.notify.Notify(ctx, n))
	if _, err := f.notify.Deliver(ctx, 0); err != nil {
		t.Fatal(err)
	}
	f.server.WaitFor(1, 10*time.Second)
	f.now = sent.AddDate(0, 0, 89)
	if r := f.run(t, false); !strings.Contains(r.Summary, "0 contenus d'e-mails supprimés") {
		t.Fatalf("too early: %s", r.Summary)
	}
	f.now = sent.AddDate(0, 0, 91)
	if r := f.run(t, true); !strings.Contains(r.Summary, "1 contenus d'e-mails supprimés") {
		t.Fatalf("dry run: %s", r.Summary)
	}
	if r := f.run(t, false); !strings.Contains(r.Summary, "1 contenus d'e-mails supprimés") {
		t.Fatalf("run: %s", r.Summary)
	}
	if body, err := f.db.NotificationBody(ctx, n.Key); err == nil && body != nil {
		t.Fatalf("the body is still kept: %+v", body)
	}
	if rec, err := f.db.Notification(ctx, n.Key); err != nil || rec.State != domain.NotificationSent {
		t.Fatalf("the record went: %+v %v", rec, err)
	}
	q, err := f.notify.NotifyAll(ctx, []notify.Notification{n})
	if err != nil || q.Duplicates != 1 {
		t.Fatalf("queued again: %+v %v", q, err)
	}
	if _, err := f.notify.Deliver(ctx, 0); err != nil || len(f.server.Messages()) != 1 {
		t.Fatalf("sent again: %d %v", len(f.server.Messages()), err)
	}
}
