package digest

import (
	"context"
	"fmt"
	"time"

	"passerelle/app/domain"
	"passerelle/app/notify"
	"passerelle/jobs"
)

// DraftReminderData is what a reminder to finish a draft shows.
type DraftReminderData struct {
	CallTitle string
	Project   string // the draft's project title, possibly still empty
	ClosesAt  time.Time
	DaysLeft  int // Paris calendar days until the closing day
	Path      string
}

// ProgressReminders reminds the editors of each draft on an open call, once
// when its closing day is 7 days away or less and once at 2 days or less:
// a daily run sends each milestone once, a missed day is caught up.
func (d *Digests) ProgressReminders(ctx context.Context, opts jobs.RunOptions) (jobs.Report, error) {
	now := d.now()
	calls, err := d.store.OpenCalls(ctx, now)
	if err != nil {
		return jobs.Report{}, err
	}
	closing := map[string]domain.Call{}
	var ids []string
	for _, c := range calls {
		if milestone(daysUntil(now, c.ClosesAt)) != "" {
			closing[c.ID] = c
			ids = append(ids, c.ID)
		}
	}
	if len(ids) == 0 {
		return jobs.Report{Summary: "aucun appel ne ferme dans les 7 jours"}, nil
	}
	return d.remindDrafts(ctx, opts, now, closing, ids)
}

func (d *Digests) remindDrafts(ctx context.Context, opts jobs.RunOptions, now time.Time, closing map[string]domain.Call, ids []string) (jobs.Report, error) {
	drafts, err := d.store.DraftGrants(ctx, ids)
	if err != nil || len(drafts) == 0 {
		return jobs.Report{Summary: "aucun brouillon à rappeler"}, err
	}
	users, err := d.usersByID(ctx, draftEditors(drafts))
	if err != nil {
		return jobs.Report{}, err
	}
	var ns []notify.Notification
	for _, g := range drafts {
		c := closing[g.CallID]
		data := DraftReminderData{CallTitle: c.Title, Project: g.Content.Project.Title, ClosesAt: c.ClosesAt,
			DaysLeft: daysUntil(now, c.ClosesAt), Path: "/progress/dossiers/" + g.ID}
		for _, id := range append([]string{g.CreatedBy}, g.EditorIDs...) {
			if u, ok := users[id]; ok {
				key := fmt.Sprintf("progress_reminder/%s/%s/%s", g.ID, milestone(data.DaysLeft), u.Email)
				ns = append(ns, notify.Notification{Key: key, Topic: domain.TopicProgressReminders, To: domain.RecipientOf(u),
					Template: "progress_reminder", Data: data})
			}
		}
	}
	return d.send(ctx, opts, ns)
}

// milestone names the reminder due with days left: "J-2", "J-7" or none.
func milestone(days int) string {
	switch {
	case days <= 2:
		return "J-2"
	case days <= 7:
		return "J-7"
	}
	return ""
}

// daysUntil counts the Paris calendar days from now to the day of t.
func daysUntil(now, t time.Time) int {
	day := func(t time.Time) time.Time {
		p := t.In(domain.Paris)
		return time.Date(p.Year(), p.Month(), p.Day(), 12, 0, 0, 0, time.UTC)
	}
	return int(day(t).Sub(day(now)).Hours() / 24)
}

func draftEditors(drafts []domain.GrantApplication) []string {
	var ids []string
	for _, g := range drafts {
		ids = append(ids, g.CreatedBy)
		ids = append(ids, g.EditorIDs...)
	}
	return ids
}

// usersByID reads the users with these ids in one query, by id.
func (d *Digests) usersByID(ctx context.Context, ids []string) (map[string]domain.User, error) {
	users, err := d.store.UsersByID(ctx, ids)
	byID := make(map[string]domain.User, len(users))
	for _, u := range users {
		byID[u.ID] = u
	}
	return byID, err
}
