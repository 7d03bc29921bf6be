// Package digest builds the scheduled emails from the platform's data and
// hands them to the notification service, which sends each at most once per
// recipient and period. Each job has a dry run listing who would get what.
package digest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"passerelle/app/domain"
	"passerelle/app/notify"
	"passerelle/jobs"
	"passerelle/matching"
)

// Store is what the digests read.
type Store interface {
	Counts(ctx context.Context, now time.Time) (domain.Counts, error)
	OpenCalls(ctx context.Context, now time.Time) ([]domain.Call, error)
	UsersWithRole(ctx context.Context, role domain.Role) ([]domain.User, error)
	VisitReminders(ctx context.Context, from, to time.Time) ([]domain.VisitReminder, error)
	EventReminders(ctx context.Context, from, to time.Time) ([]domain.EventReminder, error)
	Events(ctx context.Context, f domain.EventFilter) ([]domain.Event, error)
	UsersByID(ctx context.Context, ids []string) ([]domain.User, error)
	Calls(ctx context.Context) ([]domain.Call, error)
	DraftGrants(ctx context.Context, callIDs []string) ([]domain.GrantApplication, error)
	PendingReviews(ctx context.Context) ([]domain.Review, error)
	Youths(ctx context.Context) ([]domain.Youth, error)
	OffersPublishedSince(ctx context.Context, since time.Time) ([]domain.Offer, error)
	SessionsBetween(ctx context.Context, from, to time.Time) ([]domain.SessionWithOffer, error)
	Campaigns(ctx context.Context) ([]domain.Campaign, error)
	OrganisationsByIDs(ctx context.Context, ids []string) ([]domain.Organisation, error)
	ClosingStore
	EmployerStore
	SavedSearchStore
	DiscoveryStore
}

// Digests are the scheduled emails.
type Digests struct {
	store   Store
	notify  *notify.Service
	now     func() time.Time
	weights matching.Weights
}

// Config tunes the digests.
type Config struct {
	// Weights rank the youth digest's offers; matching.DefaultWeights when zero.
	Weights matching.Weights
	// Now is the clock, time.Now when nil; tests move it.
	Now func() time.Time
}

// New returns the digests.
func New(store Store, n *notify.Service, cfg Config) *Digests {
	if cfg.Weights == (matching.Weights{}) {
		cfg.Weights = matching.DefaultWeights()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Digests{store: store, notify: n, now: cfg.Now, weights: cfg.Weights}
}

// Delivery is the job that sends what is queued and due.
func (d *Digests) Delivery(ctx context.Context, opts jobs.RunOptions) (jobs.Report, error) {
	if opts.DryRun {
		return jobs.Report{Summary: "envoi à blanc : rien n'est envoyé"}, nil
	}
	sent, err := d.notify.Deliver(ctx, 0)
	return jobs.Report{Items: sent.Sent, Errors: sent.Failed, Summary: sent.String()}, err
}

// queueChunk bounds how many emails are rendered and held at once: the
// youth digest queues 100 000 of them.
const queueChunk = 1000

// send queues ns and delivers them at once, or, in a dry run, lists who
// would get what.
func (d *Digests) send(ctx context.Context, opts jobs.RunOptions, ns []notify.Notification) (jobs.Report, error) {
	if opts.DryRun {
		return d.dryRun(ctx, ns)
	}
	var queued notify.Queued
	for chunk := range slices.Chunk(ns, queueChunk) {
		q, err := d.notify.NotifyAll(ctx, chunk)
		if err != nil {
			return jobs.Report{}, err
		}
		queued.New, queued.Duplicates, queued.Muted = queued.New+q.New, queued.Duplicates+q.Duplicates, queued.Muted+q.Muted
	}
	sent, err := d.notify.Deliver(ctx, 0)
	return jobs.Report{Items: queued.New, Errors: sent.Failed, Summary: queued.String() + " ; " + sent.String()}, err
}

func (d *Digests) dryRun(ctx context.Context, ns []notify.Notification) (jobs.Report, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "à blanc, %d e-mail(s) :", len(ns))
	for chunk := range slices.Chunk(ns, queueChunk) {
		plan, err := d.notify.Plan(ctx, chunk)
		if err != nil {
			return jobs.Report{}, err
		}
		for _, p := range plan {
			muted := ""
			if p.Muted {
				muted = " (désabonné : non envoyé)"
			}
			fmt.Fprintf(&b, "\n  %s — « %s »%s", p.Email, p.Subject, muted)
		}
	}
	return jobs.Report{Items: len(ns), Summary: b.String()}, nil
}

// week names the ISO week of t in Paris, the period of weekly emails.
func week(t time.Time) string {
	year, w := t.In(domain.Paris).ISOWeek()
	return fmt.Sprintf("%d-W%02d", year, w)
}
