package digest

import (
	"context"
	"time"

	"passerelle/app/domain"
	"passerelle/app/notify"
	"passerelle/jobs"
)

// StaffSummaryData is what the staff summary shows.
type StaffSummaryData struct {
	At    time.Time
	Lines []Figure
	Calls []domain.Call
}

// Figure is one line of a summary: a catalog key and a number.
type Figure struct {
	Key string
	N   int
}

// StaffSummary sends each staff member the week's figures, once per week.
func (d *Digests) StaffSummary(ctx context.Context, opts jobs.RunOptions) (jobs.Report, error) {
	now := d.now()
	staff, err := d.store.UsersWithRole(ctx, domain.RoleStaff)
	if err != nil || len(staff) == 0 {
		return jobs.Report{Summary: "aucun agent"}, err
	}
	data, err := d.staffFigures(ctx, now)
	if err != nil {
		return jobs.Report{}, err
	}
	ns := make([]notify.Notification, 0, len(staff))
	for _, u := range staff {
		ns = append(ns, notify.Notification{Key: "staff_summary/" + week(now) + "/" + u.Email,
			Topic: domain.TopicStaffSummary, To: domain.RecipientOf(u), Template: "staff_summary", Data: data})
	}
	return d.send(ctx, opts, ns)
}

func (d *Digests) staffFigures(ctx context.Context, now time.Time) (StaffSummaryData, error) {
	c, err := d.store.Counts(ctx, now)
	if err != nil {
		return StaffSummaryData{}, err
	}
	calls, err := d.store.OpenCalls(ctx, now)
	return StaffSummaryData{At: now, Calls: calls, Lines: []Figure{
		{"email.staff_summary.pending_offers", c.Offers(domain.OfferPending)},
		{"email.staff_summary.unverified_employers", c.UnverifiedEmployers},
		{"email.staff_summary.published_offers", c.Offers(domain.OfferPublished)},
		{"email.staff_summary.upcoming_sessions", c.UpcomingSessions},
		{"email.staff_summary.youths", c.Youths},
		{"email.staff_summary.organisations", c.Organisations},
	}}, err
}
