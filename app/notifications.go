package main

import (
	"context"
	"time"

	"passerelle/app/notify"
	"passerelle/app/notify/digest"
	"passerelle/jobs"
)

// openNotify builds the notification service and the digests over the
// database and the mail sender.
func (m *Main) openNotify(ctx context.Context) error {
	secret, err := m.linkSecret(ctx)
	if err != nil {
		return err
	}
	c := m.Config.Mail
	m.Notify, err = notify.New(m.DB, m.Mail, m.Catalog, notify.Config{BaseURL: m.Config.Server.BaseURL,
		Secret: secret, UnsubscribeMailto: c.UnsubscribeAddress, MaxAttempts: c.MaxAttempts, SendRate: c.SendRate,
		ClaimTTL: 2*c.Timeout + time.Minute}, m.Logger)
	if err != nil {
		return err
	}
	m.Digests = digest.New(m.DB, m.Notify, time.Now)
	m.Digests.SetWeights(matchingWeights(m.Config.Matching))
	return nil
}

// linkSecret is [security] secret, or else a key generated once and kept
// in the database, so that every replica signs the same links.
func (m *Main) linkSecret(ctx context.Context) ([]byte, error) {
	if s := m.Config.Security.Secret; s != "" {
		return []byte(s), nil
	}
	return m.DB.Secret(ctx, "email_links")
}

// notifyJobs are the jobs of the notification service and the digests.
func (m *Main) notifyJobs() []jobs.Job {
	return []jobs.Job{
		{Name: "notifications_delivery", Run: m.Digests.Delivery},
		{Name: "staff_summary", Run: m.Digests.StaffSummary},
		{Name: "visit_reminders", Run: m.Digests.VisitReminders},
		{Name: "progress_reminders", Run: m.Digests.ProgressReminders},
		{Name: "reviewer_reminders", Run: m.Digests.ReviewerReminders},
		{Name: "youth_digest", Run: m.Digests.YouthDigest},
		{Name: "counsellor_digest", Run: m.Digests.CounsellorDigest},
		{Name: "employer_digest", Run: m.Digests.EmployerDigest},
		{Name: "progress_closing", Run: m.Digests.ProgressClosing, Next: m.Digests.NextClosing},
	}
}
