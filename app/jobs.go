package main

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"passerelle/app/retention"
	"passerelle/jobs"
)

// jobList registers every scheduled job, in one place; each name is also its
// key under [jobs] in the configuration.
func (m *Main) jobList() []jobs.Job {
	return []jobs.Job{
		{Name: "search_reconcile", Run: m.reconcileSearch},
		{Name: "search_retry", Run: m.retrySearchSync},
		{Name: "retention", Run: m.retention},
		{Name: "application_expiry", Run: m.expirePasserelle},
		{Name: "notifications_delivery", Run: m.Digests.Delivery},
		{Name: "staff_summary", Run: m.Digests.StaffSummary},
		{Name: "visit_reminders", Run: m.Digests.VisitReminders},
		{Name: "event_reminders", Run: m.Digests.EventReminders},
		{Name: "progress_reminders", Run: m.Digests.ProgressReminders},
		{Name: "reviewer_reminders", Run: m.Digests.ReviewerReminders},
		{Name: "youth_digest", Run: m.Digests.YouthDigest},
		{Name: "counsellor_digest", Run: m.Digests.CounsellorDigest},
		{Name: "employer_digest", Run: m.Digests.EmployerDigest},
		{Name: "progress_closing", Run: m.Digests.ProgressClosing, Next: m.Digests.NextClosing},
		{Name: "signatures", Run: m.signatures},
		m.bookingRepairJob(),
	}
}

// reconcileSearch compares the search index with the published offers and
// mends the differences.
func (m *Main) reconcileSearch(ctx context.Context, opts jobs.RunOptions) (jobs.Report, error) {
	r, err := m.Indexer.Reconcile(ctx, opts.DryRun)
	return jobs.Report{Items: r.Changed(), Summary: r.String()}, err
}

// retrySearchSync replays the offer changes the search engine missed.
func (m *Main) retrySearchSync(ctx context.Context, opts jobs.RunOptions) (jobs.Report, error) {
	if opts.DryRun {
		return jobs.Report{Summary: "essai à blanc : rien n'est renvoyé au moteur"}, nil
	}
	n, err := m.Indexer.RetryPending(ctx)
	return jobs.Report{Items: n, Summary: fmt.Sprintf("%d changements d'offres renvoyés au moteur de recherche", n)}, err
}

// retention is the nightly job: what expired (sessions, links, rate
// windows), then the retention periods of [retention].
func (m *Main) retention(ctx context.Context, opts jobs.RunOptions) (jobs.Report, error) {
	expired, err := m.purgeExpired(ctx, opts)
	if err != nil {
		return expired, err
	}
	c := m.Config.Retention
	periods := retention.New(m.DB, m.Accounts, m.Notify, retention.Config{CVDays: c.CVDays,
		InactiveYears: c.InactiveYears, NotificationDays: c.NotificationDays, Now: m.Now}, m.Logger)
	r, err := periods.Run(ctx, opts)
	r.Items += expired.Items
	r.Summary = expired.Summary + " ; " + r.Summary
	if err != nil || opts.DryRun {
		return r, err
	}
	// Outing authorisations are kept [retention] outing_days after the visit.
	purged, err := m.Signatures.Purge(ctx)
	r.Items += purged
	r.Summary += fmt.Sprintf(" ; %d autorisations de sortie supprimées", purged)
	return r, err
}

// purgeExpired deletes what is past its time and that FerretDB cannot expire
// by itself (no TTL index): web sessions, one-time links, rate-limit windows.
func (m *Main) purgeExpired(ctx context.Context, opts jobs.RunOptions) (jobs.Report, error) {
	if opts.DryRun {
		return jobs.Report{Summary: "essai à blanc : rien n'est supprimé"}, nil
	}
	n, err := m.Accounts.PurgeExpired(ctx)
	return jobs.Report{Items: int(n), Summary: fmt.Sprintf("%d sessions, liens et compteurs expirés supprimés", n)}, err
}

// expirePasserelle closes what is past its time in the programme: published
// offers after their end date, and applications left unanswered.
func (m *Main) expirePasserelle(ctx context.Context, opts jobs.RunOptions) (jobs.Report, error) {
	if opts.DryRun {
		return jobs.Report{Summary: "essai à blanc : rien n'est expiré"}, nil
	}
	offers, err := m.Passerelle.ExpireOffers(ctx)
	if err != nil {
		return jobs.Report{Items: offers}, err
	}
	applications, err := m.Passerelle.ExpireApplications(ctx)
	return jobs.Report{Items: offers + applications,
		Summary: fmt.Sprintf("%d offres et %d candidatures expirées", offers, applications)}, err
}

// bookingRepairGrace is how long a hold without its booking is left alone:
// far longer than the instant between taking the seats and saving the
// booking, so that a booking being made is never repaired under its feet.
const bookingRepairGrace = 5 * time.Minute

// seatsRepaired counts the holds the booking_repair job mended, in every
// process's /metrics.
var seatsRepaired = prometheus.NewCounter(prometheus.CounterOpts{Name: "passerelle_booking_repair_mended_total",
	Help: "Seat holds mended by the booking_repair job: seats held for bookings never saved, or by bookings that do not hold."})

// bookingRepairJob gives back seats that a crash left held without a
// booking: on its schedule, and once as soon as the process starts (a crash
// is what usually precedes a start).
func (m *Main) bookingRepairJob() jobs.Job {
	started, ran := time.Now(), atomic.Bool{}
	return jobs.Job{Name: "booking_repair",
		Run: func(ctx context.Context, opts jobs.RunOptions) (jobs.Report, error) {
			ran.Store(true)
			if opts.DryRun {
				return jobs.Report{Summary: "essai à blanc : aucune place n'est rendue"}, nil
			}
			n, err := m.Passerelle.RepairBookings(ctx, bookingRepairGrace)
			if err == nil {
				var registrations int
				registrations, err = m.Events.Repair(ctx) // the events' places, kept the same way
				n += registrations
			}
			seatsRepaired.Add(float64(n))
			return jobs.Report{Items: n, Summary: fmt.Sprintf("%d réservations de places réparées", n)}, err
		},
		Next: func(context.Context, time.Time) (time.Time, bool, error) { return started, !ran.Load(), nil },
	}
}

// signatures reminds the parties of the documents to sign and expires those
// past their deadline.
func (m *Main) signatures(ctx context.Context, opts jobs.RunOptions) (jobs.Report, error) {
	if opts.DryRun {
		return jobs.Report{Summary: "essai à blanc : aucune relance, rien n'expire"}, nil
	}
	r, err := m.Signatures.Run(ctx)
	return jobs.Report{Items: r.Reminded + r.Expired, Summary: r.String()}, err
}
