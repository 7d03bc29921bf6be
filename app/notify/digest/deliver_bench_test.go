package digest_test

import (
	"context"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/i18n"
	"passerelle/app/mail/mailtest"
	"passerelle/app/notify/digest"
	"passerelle/matching"
)

// memoryQueue keeps the notification queue in memory, so that
// BenchmarkYouthDigestSMTP measures the notify.Deliver path and the SMTP
// transactions without the embedded database (measured on its own by
// notify's BenchmarkQueueAndDeliver). It serves this benchmark only.
type memoryQueue struct {
	mu     sync.Mutex
	ns     map[string]*domain.Notification
	order  []string
	bodies map[string]domain.NotificationBody
}

func (q *memoryQueue) InsertNotifications(_ context.Context, ns []domain.Notification, bodies []domain.NotificationBody) (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for i, n := range ns {
		q.ns[n.ID], q.bodies[n.ID] = &n, bodies[i]
		q.order = append(q.order, n.ID)
	}
	return 0, nil
}

func (q *memoryQueue) NotificationBodies(_ context.Context, ids []string) (map[string]domain.NotificationBody, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	bodies := make(map[string]domain.NotificationBody, len(ids))
	for _, id := range ids {
		bodies[id] = q.bodies[id]
	}
	return bodies, nil
}

func (q *memoryQueue) DueNotifications(_ context.Context, now time.Time, limit int) ([]domain.Notification, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	var due []domain.Notification
	for _, id := range q.order {
		if n := q.ns[id]; n.State == domain.NotificationPending && !n.NextAt.After(now) && (limit == 0 || len(due) < limit) {
			due = append(due, *n)
		}
	}
	return due, nil
}

func (q *memoryQueue) ClaimNotifications(_ context.Context, ids []string, claim string, _, until time.Time) ([]domain.Notification, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	claimed := make([]domain.Notification, len(ids))
	for i, id := range ids {
		n := q.ns[id]
		n.State, n.ClaimedBy, n.ClaimedUntil, n.Attempts = domain.NotificationSending, claim, until, n.Attempts+1
		claimed[i] = *n
	}
	return claimed, nil
}

func (q *memoryQueue) CommitNotification(context.Context, string, string, time.Time) (bool, error) {
	return true, nil
}

func (q *memoryQueue) SettleNotificationsSent(ctx context.Context, ids []string, at time.Time) error {
	for _, id := range ids {
		if err := q.SettleNotification(ctx, id, domain.NotificationMove{State: domain.NotificationSent, SentAt: at}); err != nil {
			return err
		}
	}
	return nil
}

func (q *memoryQueue) UncommitNotification(context.Context, string) error { return nil }

func (q *memoryQueue) SettleNotification(_ context.Context, id string, to domain.NotificationMove) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	n := q.ns[id]
	n.State, n.NextAt, n.SentAt, n.LastError = to.State, to.NextAt, to.SentAt, to.LastError
	return nil
}

func (q *memoryQueue) EmailPreferences(context.Context, []string) (map[string]domain.EmailPreferences, error) {
	return map[string]domain.EmailPreferences{}, nil
}

func (q *memoryQueue) SaveEmailPreferences(context.Context, domain.EmailPreferences) error {
	return nil
}

// BenchmarkYouthDigestSMTP queues 5 000 youth digests and delivers them
// through notify.Deliver to the in-process SMTP server, one SMTP
// transaction each, with no send-rate limit.
// Run with: go test -run '^$' -bench YouthDigestSMTP -benchtime 1x ./app/notify/digest/
func BenchmarkYouthDigestSMTP(b *testing.B) {
	const n = 5000
	server := mailtest.Start(b)
	now := time.Date(2026, 11, 30, 8, 0, 0, 0, i18n.Paris)
	rng := rand.New(rand.NewPCG(1, 2))
	ns, err := digest.YouthDigests(benchOffers(2000, now, rng), benchAudience(n, now, rng), matching.DefaultWeights(), now)
	if err != nil || len(ns) != n {
		b.Fatalf("%d digests, %v", len(ns), err)
	}
	var sending time.Duration
	for b.Loop() {
		queue := &memoryQueue{ns: map[string]*domain.Notification{}, bodies: map[string]domain.NotificationBody{}}
		svc := newService(b, queue, server, func() time.Time { return now }, 1e9)
		if _, err := svc.NotifyAll(b.Context(), ns); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if d, err := svc.Deliver(b.Context(), 0); err != nil || d.Sent != n {
			b.Fatalf("delivery %+v %v", d, err)
		}
		sending += time.Since(start)
	}
	b.ReportMetric(float64(n*b.N)/sending.Seconds(), "sent/s")
}
