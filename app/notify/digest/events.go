package digest

import (
	"context"
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
