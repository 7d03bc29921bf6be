package digest

import (
	"context"
	"maps"
	"slices"

	"passerelle/app/domain"
	"passerelle/app/notify"
	"passerelle/jobs"
)

// ReviewerReminderData is what a reminder of pending reviews shows.
type ReviewerReminderData struct {
	Pending int
	Calls   []PendingCall
}

// PendingCall counts a reviewer's files still to review in one call.
type PendingCall struct {
	Title string
	N     int
}

// ReviewerReminders reminds each reviewer of the files assigned to them and
// not yet reviewed, once per week.
func (d *Digests) ReviewerReminders(ctx context.Context, opts jobs.RunOptions) (jobs.Report, error) {
	pending, err := d.store.PendingReviews(ctx)
	if err != nil || len(pending) == 0 {
		return jobs.Report{Summary: "aucune évaluation en attente"}, err
	}
	calls, err := d.store.Calls(ctx)
	if err != nil {
		return jobs.Report{}, err
	}
	byReviewer := map[string][]domain.Review{}
	for _, r := range pending {
		byReviewer[r.ReviewerID] = append(byReviewer[r.ReviewerID], r)
	}
	users, err := d.usersByID(ctx, slices.Sorted(maps.Keys(byReviewer)))
	if err != nil {
		return jobs.Report{}, err
	}
	period := week(d.now())
	var ns []notify.Notification
	for id, reviews := range byReviewer {
		if u, ok := users[id]; ok {
			ns = append(ns, notify.Notification{Key: "reviewer_reminder/" + period + "/" + u.Email,
				Topic: domain.TopicReviewerReminders, To: domain.RecipientOf(u), Template: "reviewer_reminder",
				Data: ReviewerReminderData{Pending: len(reviews), Calls: pendingByCall(calls, reviews)}})
		}
	}
	return d.send(ctx, opts, ns)
}

// pendingByCall counts reviews per call, in the order of calls.
func pendingByCall(calls []domain.Call, reviews []domain.Review) []PendingCall {
	var out []PendingCall
	for _, c := range calls {
		n := 0
		for _, r := range reviews {
			if r.CallID == c.ID {
				n++
			}
		}
		if n > 0 {
			out = append(out, PendingCall{Title: c.Title, N: n})
		}
	}
	return out
}
