package digest

import (
	"context"
	"fmt"
	"time"

	"passerelle/app/domain"
	"passerelle/app/notify"
	"passerelle/jobs"
)

// ClosingStore is what closing a call at its instant reads and writes.
type ClosingStore interface {
	GrantsByCall(ctx context.Context, callID string) ([]domain.GrantApplication, error)
	CloseCall(ctx context.Context, id string, closesAt, at time.Time) error
}

// ClosingData is what the closing notice of a call shows: to a draft's
// editor, their project; to staff, the number of files submitted.
type ClosingData struct {
	CallTitle string
	ClosesAt  time.Time
	Staff     bool
	Project   string // the draft's title, possibly still empty
	Submitted int
	Drafts    int
	Path      string
}

// NextClosing is the earliest closing instant of a call not closed yet, for
// the scheduler to run ProgressClosing at that very instant.
func (d *Digests) NextClosing(ctx context.Context, _ time.Time) (time.Time, bool, error) {
	calls, err := d.store.Calls(ctx)
	var next time.Time
	for _, c := range calls {
		if c.Unclosed() && (next.IsZero() || c.ClosesAt.Before(next)) {
			next = c.ClosesAt
		}
	}
	return next, !next.IsZero(), err
}

// ProgressClosing closes the calls whose closing instant has come: the
// editors of each draft left unsubmitted and the staff are told, once per
// call and recipient, then the call is marked closed. Queuing comes first,
// so that a run interrupted in between sends nothing twice when redone.
func (d *Digests) ProgressClosing(ctx context.Context, opts jobs.RunOptions) (jobs.Report, error) {
	now := d.now()
	calls, err := d.store.Calls(ctx)
	if err != nil {
		return jobs.Report{}, err
	}
	var due []domain.Call
	var ns []notify.Notification
	for _, c := range calls {
		if c.ClosingDue(now) {
			n, err := d.closingNotices(ctx, c)
			if err != nil {
				return jobs.Report{}, err
			}
			due, ns = append(due, c), append(ns, n...)
		}
	}
	if len(due) == 0 {
		return jobs.Report{Summary: "aucun appel à clore"}, nil
	}
	report, err := d.send(ctx, opts, ns)
	if err != nil || opts.DryRun {
		return report, err
	}
	for _, c := range due {
		if err := d.store.CloseCall(ctx, c.ID, c.ClosesAt, now); err != nil {
			return report, err
		}
	}
	report.Summary = fmt.Sprintf("%d appel(s) clos ; %s", len(due), report.Summary)
	return report, nil
}

func (d *Digests) closingNotices(ctx context.Context, c domain.Call) ([]notify.Notification, error) {
	files, err := d.store.GrantsByCall(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	var drafts []domain.GrantApplication
	submitted := 0
	for _, g := range files {
		if g.State == domain.GrantDraft {
			drafts = append(drafts, g)
		} else { // every later state was submitted first
			submitted++
		}
	}
	ns, err := d.draftClosingNotices(ctx, c, drafts)
	if err != nil {
		return nil, err
	}
	staff, err := d.store.UsersWithRole(ctx, domain.RoleStaff)
	data := ClosingData{CallTitle: c.Title, ClosesAt: c.ClosesAt, Staff: true, Submitted: submitted, Drafts: len(drafts),
		Path: "/agents/progress/appels/" + c.ID + "/dossiers"}
	for _, u := range staff {
		ns = append(ns, closingNotice(c.ID+"/staff", domain.RecipientOf(u), data))
	}
	return ns, err
}

func (d *Digests) draftClosingNotices(ctx context.Context, c domain.Call, drafts []domain.GrantApplication) ([]notify.Notification, error) {
	users, err := d.usersByID(ctx, draftEditors(drafts))
	if err != nil {
		return nil, err
	}
	var ns []notify.Notification
	for _, g := range drafts {
		data := ClosingData{CallTitle: c.Title, ClosesAt: c.ClosesAt, Project: g.Content.Project.Title,
			Path: "/progress/dossiers/" + g.ID}
		for _, id := range append([]string{g.CreatedBy}, g.EditorIDs...) {
			if u, ok := users[id]; ok {
				ns = append(ns, closingNotice(c.ID+"/"+g.ID, domain.RecipientOf(u), data))
			}
		}
	}
	return ns, nil
}

// closingNotice is transactional: it tells what became of the recipient's
// file or of the call they manage, not a reminder one may turn off.
func closingNotice(scope string, to notify.Recipient, data ClosingData) notify.Notification {
	return notify.Notification{Key: "progress_closed/" + scope + "/" + to.Email, To: to,
		Template: "progress_closed", Data: data}
}
