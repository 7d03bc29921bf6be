package digest

import (
	"context"
	"slices"
	"time"

	"passerelle/app/domain"
	"passerelle/app/events"
	"passerelle/app/notify"
	"passerelle/jobs"
)

// EventReminders reminds, the day before, everyone with a confirmed
// registration to an event of the Paris day of tomorrow: once per
// registration, whatever the number of runs (the notification's key).
func (d *Digests) EventReminders(ctx context.Context, opts jobs.RunOptions) (jobs.Report, error) {
	day := d.now().In(domain.Paris)
	from := time.Date(day.Year(), day.Month(), day.Day()+1, 0, 0, 0, 0, domain.Paris)
	reminders, err := d.store.EventReminders(ctx, from, from.AddDate(0, 0, 1))
	if err != nil {
		return jobs.Report{}, err
	}
	var ns []notify.Notification
	for _, r := range reminders {
		for i := range r.Registrations {
			n := events.Reminder(&r.Registrations[i], &r.Event)
			ns = append(ns, notify.Notification{Key: n.Key, Topic: domain.TopicEventReminders, To: n.To,
				Template: "passerelle_notice", Data: notify.Notice{Key: n.Text, Args: n.Args}})
		}
	}
	if len(ns) == 0 {
		return jobs.Report{Summary: "aucun inscrit à un événement de demain"}, nil
	}
	return d.send(ctx, opts, ns)
}

// eventsAhead is how far ahead the digests announce events.
const eventsAhead = 30 * 24 * time.Hour

// digestEventsMax bounds the events one digest announces.
const digestEventsMax = 3

// DigestEvent is an event a digest announces.
type DigestEvent struct {
	Title    string
	Kind     domain.EventKind
	StartsAt time.Time
	Place    string
	Path     string
}

// upcomingEvents returns the published events for audience that begin in
// the coming 30 days with places left, soonest first.
func (d *Digests) upcomingEvents(ctx context.Context, audience domain.EventAudience) ([]domain.Event, error) {
	now := d.now()
	list, err := d.store.Events(ctx, domain.EventFilter{Published: true, EndsAfter: now, Audience: audience})
	return slices.DeleteFunc(list, func(e domain.Event) bool {
		return !e.StartsAt.After(now) || e.StartsAt.After(now.Add(eventsAhead)) || e.SeatsLeft <= 0
	}), err
}

// eventsFor picks, of list, up to three events held online or where near
// says, for one digest.
func eventsFor(list []domain.Event, near func(commune string) bool) []DigestEvent {
	var picked []DigestEvent
	for i := range list {
		e := &list[i]
		if len(picked) < digestEventsMax && (e.Online || near(e.CommuneCode)) {
			picked = append(picked, DigestEvent{Title: e.Title, Kind: e.Kind, StartsAt: e.StartsAt, Place: events.Place(e),
				Path: "/evenements/" + e.ID})
		}
	}
	return picked
}
