package notify_test

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/i18n"
	"passerelle/app/mail"
	"passerelle/app/mail/mailtest"
	"passerelle/app/notify"
	"passerelle/app/store"
	"passerelle/app/store/storetest"
)

const (
	waitTime = 10 * time.Second
	baseURL  = "https://passerelle92.test"
)

var sender = mail.Address{Name: "Passerelle 92", Email: "ne-pas-repondre@passerelle92.fr"}

// clock is a fake clock: sleeping advances it, so rate limits and backoff
// are checked without waiting and without timing thresholds.
type clock struct {
	mu    sync.Mutex
	at    time.Time
	slept time.Duration
}

func newClock() *clock { return &clock{at: time.Date(2026, 11, 30, 8, 0, 0, 0, domain.Paris)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.at
}

func (c *clock) Sleep(_ context.Context, d time.Duration) error {
	c.Advance(d)
	c.mu.Lock()
	c.slept += d
	c.mu.Unlock()
	return nil
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.at = c.at.Add(d)
	c.mu.Unlock()
}

type fixture struct {
	db     *store.DB
	server *mailtest.Server
	clock  *clock
	cfg    notify.Config
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	f := &fixture{db: storetest.Open(t), server: mailtest.Start(t), clock: newClock()}
	f.cfg = notify.Config{BaseURL: baseURL, Secret: []byte("test secret"), UnsubscribeMailto: "desabonnement@passerelle92.fr",
		MaxAttempts: 3, SendRate: 1000, Now: f.clock.Now, Sleep: f.clock.Sleep}
	return f
}

// service returns a new notification service (a new "replica") on f's parts.
func (f *fixture) service(t testing.TB) *notify.Service {
	t.Helper()
	return newService(t, f.db, f.server.Port(), f.cfg)
}

// newService returns a service sending to the relay on port of 127.0.0.1.
func newService(t testing.TB, db *store.DB, port int, cfg notify.Config) *notify.Service {
	t.Helper()
	smtp, err := mail.NewSMTP(mail.SMTPConfig{Host: "127.0.0.1", Port: port, TLS: mail.TLSNone,
		From: sender, Timeout: 5 * time.Second, HeloName: "passerelle.test"})
	if err != nil {
		t.Fatal(err)
	}
	catalog, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	svc, err := notify.New(db, smtp, catalog, cfg, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	return svc
}

// summary is a staff summary to recipient i, in the given locale.
func summary(i int, locale string) notify.Notification {
	email := fmt.Sprintf("agent%03d@hauts-de-seine.fr", i)
	return notify.Notification{Key: "staff_summary/2026-W49/" + email, Topic: domain.TopicStaffSummary,
		To: notify.Recipient{Email: email, Name: fmt.Sprintf("Agent %d", i), Locale: locale}, Template: "staff_summary",
		Data: map[string]any{"At": time.Date(2026, 11, 30, 8, 0, 0, 0, domain.Paris),
			"Lines": []map[string]any{{"Key": "email.staff_summary.pending_offers", "N": 12},
				{"Key": "email.staff_summary.youths", "N": 15000}},
			"Calls": []domain.Call{{Title: "PROGR'ESS 2027", ClosesAt: time.Date(2027, 1, 15, 12, 0, 0, 0, domain.Paris)}}}}
}

func summaries(n int) []notify.Notification {
	list := make([]notify.Notification, n)
	for i := range list {
		list[i] = summary(i, "fr")
	}
	return list
}

func (f *fixture) queue(t testing.TB, svc *notify.Service, ns []notify.Notification) notify.Queued {
	t.Helper()
	q, err := svc.NotifyAll(context.Background(), ns)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func deliver(t testing.TB, svc *notify.Service) notify.Delivery {
	t.Helper()
	d, err := svc.Deliver(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func (f *fixture) counts(t testing.TB) map[domain.NotificationState]int {
	t.Helper()
	c, err := f.db.NotificationCounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// checkOnceEach checks that each of n recipients received exactly one
// message, and that no Message-ID arrived twice.
func checkOnceEach(t *testing.T, got []mailtest.Received, n int) {
	t.Helper()
	byRecipient, byID := map[string]int{}, map[string]int{}
	for _, m := range got {
		byRecipient[m.To[0]]++
		byID[m.Headers.Get("Message-Id")]++
	}
	for i := range n {
		if email := summary(i, "fr").To.Email; byRecipient[email] != 1 {
			t.Errorf("%s received %d messages", email, byRecipient[email])
		}
	}
	for id, count := range byID {
		if count != 1 {
			t.Errorf("Message-ID %s arrived %d times", id, count)
		}
	}
	if len(got) != n {
		t.Errorf("%d messages, want %d", len(got), n)
	}
}
