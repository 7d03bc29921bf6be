package main

import (
	"context"
	"time"

	"passerelle/app/retention"
	"passerelle/jobs"
)

// retention is the nightly job: what expired (sessions, links, rate
// windows), then the retention periods of [retention].
func (m *Main) retention(ctx context.Context, opts jobs.RunOptions) (jobs.Report, error) {
	expired, err := m.purgeExpired(ctx, opts)
	if err != nil {
		return expired, err
	}
	c := m.Config.Retention
	periods := retention.New(m.DB, m.Accounts, m.Notify, retention.Config{CVDays: c.CVDays,
		InactiveYears: c.InactiveYears, NotificationDays: c.NotificationDays}, m.Logger, time.Now)
	r, err := periods.Run(ctx, opts)
	r.Items += expired.Items
	r.Summary = expired.Summary + " ; " + r.Summary
	return r, err
}
