package digest

import (
	"context"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"passerelle/app/domain"
	"passerelle/app/notify"
	"passerelle/jobs"
)

// EmployerStore is what the employer digest reads, each once for all
// organisations.
type EmployerStore interface {
	ApplicationsCreatedBetween(ctx context.Context, from, to time.Time) ([]domain.Application, error)
	ApplicationsDue(ctx context.Context, statuses []domain.ApplicationStatus, t time.Time) ([]domain.Application, error)
	BookingsChangedBetween(ctx context.Context, from, to time.Time) ([]domain.Booking, error)
	VisitSessionsByIDs(ctx context.Context, ids []string) ([]domain.VisitSession, error)
	OffersByIDs(ctx context.Context, ids []string) ([]domain.Offer, error)
	MembersOf(ctx context.Context, orgIDs []string) ([]domain.User, error)
}

// expiringWithin is how far ahead the digest warns of unanswered
// applications about to expire.
const expiringWithin = 3 * 24 * time.Hour

// EmployerDigestData is what an employer's daily digest shows.
type EmployerDigestData struct {
	Day          time.Time             // the day reported on, yesterday
	Applications []EmployerApplication // received yesterday
	Bookings     []EmployerBooking     // made or cancelled yesterday
	Expiring     []EmployerApplication // unanswered, expiring within three days
}

// EmployerApplication is an application as the digest shows it: the youth
// by first name and initial only, since many are minors.
type EmployerApplication struct {
	Offer     string
	Youth     string
	ExpiresAt time.Time
	Path      string
}

// EmployerBooking is a group booking of one of the employer's sessions.
type EmployerBooking struct {
	Offer     string
	StartsAt  time.Time
	Group     string
	School    string
	Seats     int
	Cancelled bool
	Path      string
}

// EmployerDigest sends each member of an employer organisation, once per
// day, yesterday's applications and group bookings (made or cancelled) and
// the applications expiring within three days; nothing when all are empty.
func (d *Digests) EmployerDigest(ctx context.Context, opts jobs.RunOptions) (jobs.Report, error) {
	now := d.now()
	byOrg, err := d.employerDay(ctx, now)
	if err != nil || len(byOrg) == 0 {
		return jobs.Report{Summary: "rien de nouveau pour les employeurs"}, err
	}
	members, err := d.store.MembersOf(ctx, slices.Collect(maps.Keys(byOrg)))
	if err != nil {
		return jobs.Report{}, err
	}
	day := now.In(domain.Paris).Format(time.DateOnly)
	var ns []notify.Notification
	for _, u := range members {
		if data := digestOfMember(u, byOrg); u.SuspendedAt == nil && data != nil {
			ns = append(ns, notify.Notification{Key: "employer_digest/" + day + "/" + u.Email,
				Topic: domain.TopicEmployerDigest, To: domain.RecipientOf(u), Template: "employer_digest", Data: *data})
		}
	}
	if len(ns) == 0 {
		return jobs.Report{Summary: "aucun membre d'employeur à prévenir"}, nil
	}
	return d.send(ctx, opts, ns)
}

// digestOfMember merges the digests of the member's organisations; nil
// when there is nothing to tell.
func digestOfMember(u domain.User, byOrg map[string]*EmployerDigestData) *EmployerDigestData {
	if !u.HasRole(domain.RoleEmployer) {
		return nil
	}
	var merged *EmployerDigestData
	for _, id := range u.OrganisationIDs {
		if org, ok := byOrg[id]; ok {
			if merged == nil {
				merged = &EmployerDigestData{Day: org.Day}
			}
			merged.Applications = append(merged.Applications, org.Applications...)
			merged.Bookings = append(merged.Bookings, org.Bookings...)
			merged.Expiring = append(merged.Expiring, org.Expiring...)
		}
	}
	if merged != nil { // soonest first, whatever the order they were read in
		slices.SortStableFunc(merged.Bookings, func(a, b EmployerBooking) int { return a.StartsAt.Compare(b.StartsAt) })
		slices.SortStableFunc(merged.Expiring, func(a, b EmployerApplication) int { return a.ExpiresAt.Compare(b.ExpiresAt) })
	}
	return merged
}

// employerDay reads yesterday's activity (Paris calendar day) for every
// organisation and groups it by organisation.
func (d *Digests) employerDay(ctx context.Context, now time.Time) (map[string]*EmployerDigestData, error) {
	p := now.In(domain.Paris)
	today := time.Date(p.Year(), p.Month(), p.Day(), 0, 0, 0, 0, domain.Paris)
	yesterday := today.AddDate(0, 0, -1)
	byOrg := map[string]*EmployerDigestData{}
	of := func(orgID string) *EmployerDigestData {
		if byOrg[orgID] == nil {
			byOrg[orgID] = &EmployerDigestData{Day: yesterday}
		}
		return byOrg[orgID]
	}
	received, err := d.store.ApplicationsCreatedBetween(ctx, yesterday, today)
	if err != nil {
		return nil, err
	}
	for _, a := range received {
		of(a.OrganisationID).Applications = append(of(a.OrganisationID).Applications, employerApplication(a))
	}
	if err := d.expiringApplications(ctx, now, of); err != nil {
		return nil, err
	}
	return byOrg, d.employerBookings(ctx, yesterday, today, of)
}

func (d *Digests) expiringApplications(ctx context.Context, now time.Time, of func(string) *EmployerDigestData) error {
	open := domain.ApplicationStatusesBefore(domain.ApplicationExpired)
	due, err := d.store.ApplicationsDue(ctx, open, now.Add(expiringWithin))
	for _, a := range due {
		if a.ExpiresAt.After(now) { // already past: the expiry job closes it
			of(a.OrganisationID).Expiring = append(of(a.OrganisationID).Expiring, employerApplication(a))
		}
	}
	return err
}

func (d *Digests) employerBookings(ctx context.Context, from, to time.Time, of func(string) *EmployerDigestData) error {
	bookings, err := d.store.BookingsChangedBetween(ctx, from, to)
	if err != nil || len(bookings) == 0 {
		return err
	}
	var sessionIDs, offerIDs, schoolIDs []string
	for _, b := range bookings {
		sessionIDs, offerIDs, schoolIDs = append(sessionIDs, b.SessionID), append(offerIDs, b.OfferID), append(schoolIDs, b.StructureID)
	}
	sessions, err := d.store.VisitSessionsByIDs(ctx, sessionIDs)
	if err != nil {
		return err
	}
	offers, err := d.store.OffersByIDs(ctx, offerIDs)
	if err != nil {
		return err
	}
	schools, err := d.store.OrganisationsByIDs(ctx, schoolIDs)
	if err != nil {
		return err
	}
	startsAt := byID(sessions, func(s domain.VisitSession) (string, time.Time) { return s.ID, s.StartsAt })
	titles := byID(offers, func(o domain.Offer) (string, string) { return o.ID, o.Title })
	names := byID(schools, func(o domain.Organisation) (string, string) { return o.ID, o.Name })
	for _, b := range bookings {
		of(b.OrganisationID).Bookings = append(of(b.OrganisationID).Bookings, EmployerBooking{Offer: titles[b.OfferID],
			StartsAt: startsAt[b.SessionID], Group: b.GroupName, School: names[b.StructureID], Seats: b.Seats,
			Cancelled: b.Status == domain.BookingCancelled, Path: "/employeurs/offres/" + b.OfferID})
	}
	return nil
}

func employerApplication(a domain.Application) EmployerApplication {
	return EmployerApplication{Offer: a.OfferTitle, Youth: firstNameAndInitial(a.YouthName), ExpiresAt: a.ExpiresAt,
		Path: "/employeurs/candidatures/" + a.ID} // the application itself, to answer it
}

// firstNameAndInitial shortens "Léa Martin" to "Léa M.": the digest leaves
// the youth's full identity on the platform, behind sign-in.
func firstNameAndInitial(name string) string {
	parts := strings.Fields(name)
	if len(parts) < 2 {
		return name
	}
	initial, _ := utf8.DecodeRuneInString(parts[len(parts)-1])
	return parts[0] + " " + string(initial) + "."
}

func byID[T any, V any](items []T, kv func(T) (string, V)) map[string]V {
	m := make(map[string]V, len(items))
	for _, item := range items {
		k, v := kv(item)
		m[k] = v
	}
	return m
}
