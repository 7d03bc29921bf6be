package digest

import (
	"context"
	"slices"
	"time"

	"passerelle/app/domain"
	"passerelle/app/notify"
	"passerelle/app/refdata"
	"passerelle/jobs"
)

// nearKm is how close to a counsellor's structure a new session must be.
const nearKm = 10

// CounsellorDigestData is what a counsellor's weekly digest shows.
type CounsellorDigestData struct {
	Visits    []CounsellorVisit         // their groups' visits in the coming seven days
	Sessions  []domain.SessionWithOffer // created this week, near their structure, seats left
	Campaigns []domain.Campaign         // taking wishes
	Events    []DigestEvent             // for schools, in the coming 30 days, near their structure or online
}

// CounsellorVisit is one of a counsellor's bookings in the coming days.
type CounsellorVisit struct {
	Title    string
	StartsAt time.Time
	Group    string
	Seats    int
	Path     string
}

// counsellorWeek is what the digest reads once for every counsellor.
type counsellorWeek struct {
	visits    []domain.VisitReminder
	sessions  []domain.SessionWithOffer
	campaigns []domain.Campaign
	events    []domain.Event
	places    map[string]domain.Organisation
}

// CounsellorDigest sends each counsellor, once per ISO week, the visits of
// their groups in the seven days from today (the job runs on Monday), the sessions opened this week within 10 km of
// their structure and the campaigns taking wishes; nothing when all are empty.
func (d *Digests) CounsellorDigest(ctx context.Context, opts jobs.RunOptions) (jobs.Report, error) {
	now := d.now()
	counsellors, err := d.store.UsersWithRole(ctx, domain.RoleCounsellor)
	if err != nil || len(counsellors) == 0 {
		return jobs.Report{Summary: "aucun conseiller"}, err
	}
	w, err := d.counsellorWeek(ctx, now, counsellors)
	if err != nil {
		return jobs.Report{}, err
	}
	var ns []notify.Notification
	for _, u := range counsellors {
		if data := w.digestOf(u); len(data.Visits)+len(data.Sessions)+len(data.Campaigns)+len(data.Events) > 0 {
			ns = append(ns, notify.Notification{Key: "counsellor_digest/" + week(now) + "/" + u.Email,
				Topic: domain.TopicCounsellorDigest, To: domain.RecipientOf(u), Template: "counsellor_digest", Data: data})
		}
	}
	if len(ns) == 0 {
		return jobs.Report{Summary: "rien de nouveau pour les conseillers"}, nil
	}
	return d.send(ctx, opts, ns)
}

func (d *Digests) counsellorWeek(ctx context.Context, now time.Time, counsellors []domain.User) (counsellorWeek, error) {
	var w counsellorWeek
	p := now.In(domain.Paris)
	today := time.Date(p.Year(), p.Month(), p.Day(), 0, 0, 0, 0, domain.Paris)
	var err error
	if w.visits, err = d.store.VisitReminders(ctx, today, today.AddDate(0, 0, 7)); err != nil {
		return w, err
	}
	if w.sessions, err = d.store.SessionsBetween(ctx, now, now.AddDate(0, 6, 0)); err != nil {
		return w, err
	}
	w.sessions = slices.DeleteFunc(w.sessions, func(s domain.SessionWithOffer) bool {
		return s.CreatedAt.Before(now.AddDate(0, 0, -7)) || s.SeatsLeft <= 0
	})
	if w.campaigns, err = d.openCampaigns(ctx, now); err != nil {
		return w, err
	}
	if w.events, err = d.upcomingEvents(ctx, domain.AudienceSchools); err != nil {
		return w, err
	}
	w.places, err = d.structures(ctx, counsellors)
	return w, err
}

func (d *Digests) openCampaigns(ctx context.Context, now time.Time) ([]domain.Campaign, error) {
	all, err := d.store.Campaigns(ctx)
	return slices.DeleteFunc(all, func(c domain.Campaign) bool { return !c.WishesOpen(now) }), err
}

func (d *Digests) structures(ctx context.Context, counsellors []domain.User) (map[string]domain.Organisation, error) {
	var ids []string
	for _, u := range counsellors {
		ids = append(ids, u.OrganisationIDs...)
	}
	orgs, err := d.store.OrganisationsByIDs(ctx, ids)
	byID := make(map[string]domain.Organisation, len(orgs))
	for _, o := range orgs {
		byID[o.ID] = o
	}
	return byID, err
}

func (w counsellorWeek) digestOf(u domain.User) CounsellorDigestData {
	data := CounsellorDigestData{Campaigns: w.campaigns}
	for _, r := range w.visits {
		for _, b := range r.Bookings {
			if b.CounsellorID == u.ID || slices.Contains(u.OrganisationIDs, b.StructureID) {
				data.Visits = append(data.Visits, CounsellorVisit{Title: r.Offer.Title, StartsAt: r.Session.StartsAt,
					Group: b.GroupName, Seats: b.Seats, Path: "/offres/" + r.Offer.ID})
			}
		}
	}
	slices.SortStableFunc(data.Visits, func(a, b CounsellorVisit) int { return a.StartsAt.Compare(b.StartsAt) })
	for _, s := range w.sessions {
		if w.near(u, s.CommuneCode) {
			data.Sessions = append(data.Sessions, s)
		}
	}
	data.Events = eventsFor(w.events, func(commune string) bool { return w.near(u, commune) })
	return data
}

// near reports whether a commune is within nearKm of one of u's structures.
func (w counsellorWeek) near(u domain.User, communeCode string) bool {
	c, ok := refdata.CommuneByCode(communeCode)
	if !ok {
		return false
	}
	for _, id := range u.OrganisationIDs {
		if o, ok := w.places[id]; ok && refdata.DistanceKm(o.Lat, o.Lng, c.Lat, c.Lng) <= nearKm {
			return true
		}
	}
	return false
}
