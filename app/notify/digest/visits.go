package digest

import (
	"context"
	"time"

	"passerelle/app/domain"
	"passerelle/app/notify"
	"passerelle/jobs"
)

// VisitReminderData is what a visit reminder shows.
type VisitReminderData struct {
	Title        string
	Organisation string
	StartsAt     time.Time
	MeetingPoint string
	Booked       int // the recipient's group, or every group for the employer
	Capacity     int
	Path         string
}

// VisitReminders reminds, two days ahead, the employer and the counsellors
// of each session of the Paris day after tomorrow, once per session.
func (d *Digests) VisitReminders(ctx context.Context, opts jobs.RunOptions) (jobs.Report, error) {
	day := d.now().In(domain.Paris)
	from := time.Date(day.Year(), day.Month(), day.Day()+2, 0, 0, 0, 0, domain.Paris)
	reminders, err := d.store.VisitReminders(ctx, from, from.AddDate(0, 0, 1))
	if err != nil {
		return jobs.Report{}, err
	}
	var ns []notify.Notification
	for _, r := range reminders {
		ns = append(ns, visitNotifications(r)...)
	}
	if len(ns) == 0 {
		return jobs.Report{Summary: "aucune visite réservée dans deux jours"}, nil
	}
	return d.send(ctx, opts, ns)
}

func visitNotifications(r domain.VisitReminder) []notify.Notification {
	if len(r.Bookings) == 0 {
		return nil // nobody comes: nothing to remind
	}
	data := VisitReminderData{Title: r.Offer.Title, Organisation: r.Offer.OrganisationName, StartsAt: r.Session.StartsAt,
		MeetingPoint: r.Session.MeetingPoint, Capacity: r.Session.Capacity, Path: "/offres/" + r.Offer.ID}
	var ns []notify.Notification
	for _, b := range r.Bookings {
		data.Booked += b.Seats
		mine := data
		mine.Booked = b.Seats
		ns = append(ns, reminder(r.Session.ID, domain.AccountRecipient(b.CounsellorID, b.CounsellorName, b.CounsellorEmail), mine))
	}
	for _, u := range r.Members {
		ns = append(ns, reminder(r.Session.ID, domain.RecipientOf(u), data))
	}
	return ns
}

func reminder(sessionID string, to notify.Recipient, data VisitReminderData) notify.Notification {
	return notify.Notification{Key: "visit_reminder/" + sessionID + "/" + to.Email, Topic: domain.TopicVisitReminders,
		To: to, Template: "visit_reminder", Data: data}
}
