package notify_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/notify"
)

func TestNotifyTwiceQueuesAndSendsOnce(t *testing.T) {
	f := newFixture(t)
	svc := f.service(t)
	n := summary(1, "fr")
	for range 2 {
		if err := svc.Notify(t.Context(), n); err != nil {
			t.Fatalf("Notify: %v", err)
		}
	}
	if q := f.queue(t, svc, []notify.Notification{n}); q.New != 0 || q.Duplicates != 1 {
		t.Fatalf("queued again: %+v", q)
	}
	if d := deliver(t, svc); d.Sent != 1 {
		t.Fatalf("delivery %+v", d)
	}
	if err := svc.Notify(t.Context(), n); err != nil {
		t.Fatal(err)
	}
	deliver(t, svc)
	if got := f.server.Messages(); len(got) != 1 {
		t.Fatalf("%d messages, want 1", len(got))
	}
	if c := f.counts(t); c[domain.NotificationSent] != 1 || len(c) != 1 {
		t.Fatalf("states %v", c)
	}
}

// The email a person gets: their language, French formats, absolute links,
// one-click unsubscribe headers.
func TestDeliveredEmailsAreLocalisedWithUnsubscribeHeaders(t *testing.T) {
	f := newFixture(t)
	svc := f.service(t)
	f.queue(t, svc, []notify.Notification{summary(0, "fr"), summary(1, "en")})
	if d := deliver(t, svc); d.Sent != 2 {
		t.Fatalf("delivery %+v", d)
	}
	got := f.server.WaitFor(2, waitTime)
	fr, en := got[0], got[1]
	if fr.Subject != "Passerelle 92 : la synthèse de la semaine au 30 novembre 2026" ||
		en.Subject != "Passerelle 92: the week's summary as of November 30, 2026" {
		t.Errorf("subjects %q / %q", fr.Subject, en.Subject)
	}
	for _, want := range []string{"Bonjour Agent 0,", "15\u202f000", "lundi 30 novembre 2026 à 08 h 00",
		"clôture le vendredi 15 janvier 2027 à 12 h 00", baseURL + "/agents"} {
		if !strings.Contains(fr.Text, want) {
			t.Errorf("French text lacks %q:\n%s", want, fr.Text)
		}
	}
	if !strings.Contains(fr.HTML, `href="`+baseURL+`/agents"`) || !strings.Contains(en.HTML, "15,000") {
		t.Errorf("HTML links or English numbers wrong")
	}
	checkUnsubscribeHeaders(t, fr.Headers.Get("List-Unsubscribe"), fr.Headers.Get("List-Unsubscribe-Post"))
	if id := fr.Headers.Get("Message-Id"); !strings.HasPrefix(id, "<"+notify.MessageID(summary(0, "fr").Key)+"@") {
		t.Errorf("Message-ID %s does not derive from the key", id)
	}
}

func checkUnsubscribeHeaders(t *testing.T, list, post string) {
	t.Helper()
	if post != "List-Unsubscribe=One-Click" {
		t.Errorf("List-Unsubscribe-Post %q", post)
	}
	if !strings.HasPrefix(list, "<mailto:desabonnement@passerelle92.fr?subject=") ||
		!strings.Contains(list, ", <"+baseURL+"/e-mails/") || !strings.HasSuffix(list, "/desabonnement?sujet=staff_summary>") {
		t.Errorf("List-Unsubscribe %q", list)
	}
}

// unsubscribeToken takes the signed token out of a received message's
// one-click link, as a mail client would use it.
func unsubscribeToken(t *testing.T, list string) string {
	t.Helper()
	_, link, _ := strings.Cut(list, "/e-mails/")
	token, _, ok := strings.Cut(link, "/desabonnement")
	if !ok {
		t.Fatalf("no token in %q", list)
	}
	return token
}

func TestUnsubscribedTopicIsNotSent(t *testing.T) {
	f := newFixture(t)
	svc := f.service(t)
	f.queue(t, svc, summaries(2))
	deliver(t, svc)
	first := f.server.WaitFor(2, waitTime)[0]
	token := unsubscribeToken(t, first.Headers.Get("List-Unsubscribe"))
	if err := svc.Unsubscribe(t.Context(), token, domain.TopicStaffSummary); err != nil {
		t.Fatal(err)
	}
	next := summaries(2)
	for i := range next {
		next[i].Key = strings.Replace(next[i].Key, "W49", "W50", 1)
	}
	if q := f.queue(t, svc, next); q.Muted != 1 || q.New != 1 {
		t.Fatalf("queued %+v, want one muted", q)
	}
	deliver(t, svc)
	if got := f.server.WaitFor(3, waitTime); len(got) != 3 || got[2].To[0] == first.To[0] {
		t.Fatalf("the unsubscribed address got the next summary: %v", got[2].To)
	}
	if err := svc.Unsubscribe(t.Context(), token+"x", domain.TopicStaffSummary); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("a forged token was accepted: %v", err)
	}
}

// A 4xx is retried after a backoff with the same Message-ID; a 5xx or the
// last attempt gives up and is reported.
func TestTemporaryFailureIsRetriedThenGivenUp(t *testing.T) {
	f := newFixture(t)
	svc := f.service(t)
	f.queue(t, svc, summaries(2))
	f.server.FailNext(2, 451)
	if d := deliver(t, svc); d.Retried != 2 || d.Sent != 0 {
		t.Fatalf("first delivery %+v", d)
	}
	if d := deliver(t, svc); d != (notify.Delivery{}) {
		t.Fatalf("retried before the backoff: %+v", d)
	}
	f.clock.Advance(time.Minute)
	f.server.FailNext(1, 451)
	if d := deliver(t, svc); d.Sent != 1 || d.Retried != 1 {
		t.Fatalf("second delivery %+v", d)
	}
	got := f.server.WaitFor(1, waitTime)[0]
	key := "staff_summary/2026-W49/" + got.To[0]
	if !strings.Contains(got.Headers.Get("Message-Id"), notify.MessageID(key)) {
		t.Errorf("the retry changed the Message-ID: %s", got.Headers.Get("Message-Id"))
	}
	f.clock.Advance(time.Minute) // second retry waits twice as long
	if d := deliver(t, svc); d.Sent != 0 {
		t.Fatalf("backoff not doubled: %+v", d)
	}
	f.clock.Advance(time.Minute)
	f.server.FailNext(1, 451)
	if d := deliver(t, svc); d.Failed != 1 {
		t.Fatalf("third and last attempt: %+v", d)
	}
	if c := f.counts(t); c[domain.NotificationFailed] != 1 || c[domain.NotificationSent] != 1 {
		t.Fatalf("states %v", c)
	}
}

func TestPermanentFailureGivesUpAtOnce(t *testing.T) {
	f := newFixture(t)
	svc := f.service(t)
	f.queue(t, svc, summaries(1))
	f.server.FailNext(1, 550)
	if d := deliver(t, svc); d.Failed != 1 {
		t.Fatalf("delivery %+v", d)
	}
	n, err := f.db.Notification(t.Context(), summary(0, "fr").Key)
	if err != nil || n.State != domain.NotificationFailed || n.Attempts != 1 || !strings.Contains(n.LastError, "550") {
		t.Fatalf("record %+v %v", n, err)
	}
}

// A record whose rendered email is missing is given up and reported; it
// does not hold up the rest of the queue.
func TestMissingBodyIsGivenUpWithoutHoldingUpTheOthers(t *testing.T) {
	f := newFixture(t)
	svc := f.service(t)
	f.queue(t, svc, summaries(2))
	lost := summary(0, "fr").Key
	if _, err := f.db.DeleteNotificationBodies(t.Context(), []string{lost}); err != nil {
		t.Fatal(err)
	}
	if d := deliver(t, svc); d.Sent != 1 || d.Failed != 1 {
		t.Fatalf("delivery %+v", d)
	}
	n, err := f.db.Notification(t.Context(), lost)
	if err != nil || n.State != domain.NotificationFailed || !strings.Contains(n.LastError, "missing") {
		t.Fatalf("record %+v %v", n, err)
	}
}

// At 5 messages per second, 11 messages take 2 seconds of the (fake) clock.
func TestDeliveryKeepsToTheSendRate(t *testing.T) {
	f := newFixture(t)
	f.cfg.SendRate = 5
	svc := f.service(t)
	f.queue(t, svc, summaries(11))
	if d := deliver(t, svc); d.Sent != 11 {
		t.Fatalf("delivery %+v", d)
	}
	if f.clock.slept != 2*time.Second {
		t.Fatalf("waited %v for 11 messages at 5/s, want 2s", f.clock.slept)
	}
}

// Two replicas delivering the same queue at once send each message once.
func TestConcurrentDeliverySendsEachOnce(t *testing.T) {
	f := newFixture(t)
	a, b := f.service(t), f.service(t)
	const n = 40
	f.queue(t, a, summaries(n))
	var wg sync.WaitGroup
	results := make([]notify.Delivery, 2)
	for i, svc := range []*notify.Service{a, b} {
		wg.Go(func() {
			d, err := svc.Deliver(context.Background(), 0)
			if err != nil {
				t.Error(err)
			}
			results[i] = d
		})
	}
	wg.Wait()
	if results[0].Sent+results[1].Sent != n {
		t.Fatalf("deliveries %+v", results)
	}
	checkOnceEach(t, f.server.WaitFor(n, waitTime), n)
}

// A notice is a catalog message of another service (PROGR'ESS), sent in the
// shared layout without a second greeting or signature.
func TestNoticeUsesTheCatalogMessage(t *testing.T) {
	f := newFixture(t)
	svc := f.service(t)
	n := notify.Notification{Key: "grant.submitted:g1/porteur@asso.fr", To: notify.Recipient{Email: "porteur@asso.fr", Name: "Nadia"},
		Template: "notice", Data: notify.Notice{Key: "notice.grant.submitted", Args: []any{"Repair café", "PG-2027-001"}}}
	f.queue(t, svc, []notify.Notification{n})
	deliver(t, svc)
	got := f.server.WaitFor(1, waitTime)[0]
	if got.Subject != "PROGR'ESS : votre candidature est bien déposée" || strings.Count(got.Text, "Bonjour") != 1 ||
		!strings.Contains(got.Text, "« Repair café » (référence PG-2027-001)") || !strings.Contains(got.HTML, "<p") {
		t.Fatalf("notice %q:\n%s", got.Subject, got.Text)
	}
	if got.Headers.Get("List-Unsubscribe") != "" {
		t.Error("a transactional email offers to unsubscribe")
	}
}

// An account's link email goes out at once with its button, its link in
// the text and its closing words, and stays out of the outbox: its token is
// a secret.
func TestSendNowSendsTheLinkAndKeepsNothing(t *testing.T) {
	f := newFixture(t)
	svc := f.service(t)
	link := baseURL + "/connexion/lien/0123456789abcdef"
	n := domain.Notice{Key: "account-magic-x", Text: "mail.magic", Link: link, Args: []any{"Nadia", 15},
		To: notify.Recipient{Email: "nadia@asso.fr", Locale: "en"}}
	if err := svc.SendNow(context.Background(), n); err != nil {
		t.Fatal(err)
	}
	got := f.server.WaitFor(1, waitTime)[0]
	if got.Subject != "Your sign-in link — Passerelle 92" || !strings.Contains(got.Text, "Hello Nadia,") ||
		!strings.Contains(got.Text, "Sign in: "+link) || !strings.Contains(got.Text, "nobody can sign in without it") ||
		!strings.Contains(got.HTML, `href="`+link+`"`) {
		t.Fatalf("link email %q:\n%s", got.Subject, got.Text)
	}
	if c := f.counts(t); len(c) != 0 {
		t.Errorf("the outbox holds %v", c)
	}
}

// A sender whose claim ran out while it was still sending (a long stall)
// loses the notification to another sender; when it wakes, its commit is
// refused and the relay discards its copy: one message in all.
func TestStalledSenderLosesToTheNextOne(t *testing.T) {
	f := newFixture(t)
	f.cfg.ClaimTTL = time.Minute
	stalled, next := f.service(t), f.service(t)
	f.queue(t, stalled, summaries(1))
	paused, release := make(chan struct{}), make(chan struct{})
	notify.SetBeforeCommit(stalled, func(string) { close(paused); <-release })
	done := make(chan notify.Delivery)
	go func() { done <- deliver(t, stalled) }()
	<-paused
	f.clock.Advance(2 * time.Minute)
	if d := deliver(t, next); d.Sent != 1 {
		t.Fatalf("the next sender: %+v", d)
	}
	close(release)
	if d := <-done; d.Sent != 0 || d.Skipped != 1 {
		t.Fatalf("the stalled sender: %+v", d)
	}
	if got := f.server.Messages(); len(got) != 1 {
		t.Fatalf("%d messages, want 1", len(got))
	}
	if c := f.counts(t); c[domain.NotificationSent] != 1 {
		t.Fatalf("states %v", c)
	}
}
