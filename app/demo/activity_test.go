package demo

import (
	"slices"
	"testing"
	"time"

	"passerelle/app/domain"
)

// activityMembers are the accounts the activity adds: four teachers, five
// project leads and a second juror.
const activityMembers = 10

// Every session's counters are what its bookings hold, as TakeSeats and
// ReleaseSeats would have left them; one group waits for a full session.
func TestBookingsKeepSessionsConsistent(t *testing.T) {
	forEachDay(t, func(t *testing.T, d *Dataset, today time.Time) {
		sessions, offers := ids(t, d.Sessions), ids(t, d.Offers)
		ids(t, d.Bookings)
		held := map[string][]string{}
		statuses := map[domain.BookingStatus]int{}
		for _, b := range d.Bookings {
			s := sessions[b.SessionID]
			statuses[b.Status]++
			if s == nil || offers[b.OfferID].Status != domain.OfferPublished || b.OrganisationID != offers[b.OfferID].OrganisationID ||
				!b.CreatedAt.Before(today) || b.UpdatedAt.Before(b.CreatedAt) || b.CreatedAt.Before(s.CreatedAt) ||
				b.Seats < s.MinGroup || b.Seats > s.MaxGroup {
				t.Errorf("booking %s: %+v", b.ID, b)
				continue
			}
			if b.Holds() {
				held[s.ID] = append(held[s.ID], b.Hold().Key())
			}
			if b.Status == domain.BookingWaitlisted && s.SeatsLeft >= b.Seats {
				t.Errorf("booking %s waits for %d seats, %d are left", b.ID, b.Seats, s.SeatsLeft)
			}
		}
		for _, s := range d.Sessions {
			checkCounters(t, s, held[s.ID])
		}
		if statuses[domain.BookingConfirmed] < 20 || statuses[domain.BookingWaitlisted] != 1 || statuses[domain.BookingCancelled] != 1 {
			t.Errorf("bookings by status: %v", statuses)
		}
	})
}

func checkCounters(t *testing.T, s domain.VisitSession, holders []string) {
	t.Helper()
	seats, open := 0, 0
	for _, key := range holders {
		h, _ := domain.ParseSeatHold(key)
		seats, open = seats+h.Seats, open+h.Open
	}
	if !slices.Equal(s.Holders, holders) && len(s.Holders)+len(holders) > 0 || s.SeatsLeft != s.Capacity-seats ||
		s.OpenLeft != s.Capacity-s.ReservedPriority-open || s.SeatsLeft < 0 || s.OpenLeft < 0 {
		t.Errorf("session %s: %d left, %d open, holders %v; bookings hold %v", s.ID, s.SeatsLeft, s.OpenLeft, s.Holders, holders)
	}
}

// Every application is one the youth could make when it was made, dated
// as its status requires; accepted ones hold a place of their offer.
func TestApplicationsRespectEligibility(t *testing.T) {
	forEachDay(t, func(t *testing.T, d *Dataset, today time.Time) {
		youths, offers := ids(t, d.Youths), ids(t, d.Offers)
		ids(t, d.Applications)
		accepted := map[string][]string{}
		statuses := map[domain.ApplicationStatus]int{}
		for _, a := range d.Applications {
			y, o := youths[a.YouthID], offers[a.OfferID]
			statuses[a.Status]++
			if y == nil || o == nil || domain.Eligible(y, o, a.CreatedAt) != nil || domain.Eligible(y, o, today) != nil ||
				a.ID != domain.ApplicationID(o.ID, y.ID) || a.OrganisationID != o.OrganisationID || !a.CreatedAt.Before(today) ||
				a.CreatedAt.Before(*o.PublishedAt) || a.GuardianEmail != guardianOf(y, a.CreatedAt) {
				t.Errorf("application %s: %+v", a.ID, a)
			}
			checkDelay(t, a, today)
			if a.Status == domain.ApplicationAccepted {
				accepted[o.ID] = append(accepted[o.ID], a.ID)
			}
		}
		for _, o := range d.Offers {
			if !slices.Equal(o.AcceptedIDs, accepted[o.ID]) || o.PlacesLeft != o.Places-len(accepted[o.ID]) {
				t.Errorf("offer %s: %d of %d places left, accepted %v, applications say %v", o.ID, o.PlacesLeft, o.Places, o.AcceptedIDs, accepted[o.ID])
			}
		}
		for _, st := range []domain.ApplicationStatus{domain.ApplicationSent, domain.ApplicationSeen, domain.ApplicationInterview,
			domain.ApplicationAccepted, domain.ApplicationDeclined, domain.ApplicationWithdrawn, domain.ApplicationExpired} {
			if statuses[st] == 0 {
				t.Errorf("no application %s: %v", st, statuses)
			}
		}
	})
}

// checkDelay checks that an application expires after the delay, that an
// expired one is past it and that only some unanswered ones wait for the
// nightly expiry.
func checkDelay(t *testing.T, a domain.Application, today time.Time) {
	t.Helper()
	past := a.ExpiresAt.Before(today)
	if !a.ExpiresAt.Equal(a.CreatedAt.Add(applicationDelay)) || (a.Status == domain.ApplicationExpired && !past) ||
		(a.Status == domain.ApplicationSeen && past) || !a.UpdatedAt.Before(today) || a.UpdatedAt.Before(a.CreatedAt) {
		t.Errorf("application %s (%s): sent %v, expires %v, moved %v", a.ID, a.Status, a.CreatedAt, a.ExpiresAt, a.UpdatedAt)
	}
}

// The grant files follow the procedure and the call's rules: each
// submitted one could be submitted (its budget balances within the
// maximum award), and only eligible files have jurors.
func TestGrantsFollowTheCall(t *testing.T) {
	forEachDay(t, func(t *testing.T, d *Dataset, today time.Time) {
		call := d.Calls[0]
		grants := ids(t, d.Grants)
		ids(t, d.Reviews)
		for _, g := range d.Grants {
			if problems := g.Content.Budget.Problems(call.MaxAward); g.State != domain.GrantDraft && len(problems) > 0 {
				t.Errorf("grant %s: budget %v", g.ID, problems[0].Message)
			}
			if g.State != domain.GrantDraft && (len(g.Problems(&call)) > 0 || g.SubmittedAt == nil || !g.SubmittedAt.Before(today)) {
				t.Errorf("grant %s (%s) could not have been submitted: %v", g.ID, g.State, g.Problems(&call))
			}
			checkHistory(t, g)
		}
		for _, r := range d.Reviews {
			if g := grants[r.GrantID]; g == nil || g.State != domain.GrantEligible || r.Status != domain.ReviewAssigned ||
				slices.Contains(userOrgs(d, r.ReviewerID), g.OrganisationID) {
				t.Errorf("review %s: %+v", r.ID, r)
			}
		}
	})
}

// checkHistory checks that each recorded step is allowed to its author's role.
func checkHistory(t *testing.T, g domain.GrantApplication) {
	t.Helper()
	state := domain.GrantDraft
	for _, c := range g.History {
		role := domain.RoleStaff
		if c.ActorID == g.CreatedBy {
			role = domain.RoleApplicant
		}
		if c.From != state || domain.CheckTransition(c.From, c.To, role) != nil {
			t.Errorf("grant %s: step %s → %s by %s", g.ID, c.From, c.To, role)
		}
		state = c.To
	}
	if state != g.State {
		t.Errorf("grant %s is %s, its history ends at %s", g.ID, g.State, state)
	}
}

// Each demo account printed at seed time has something to see and each
// scheduled email someone to tell.
func TestDemoAccountsTakePart(t *testing.T) {
	forEachDay(t, func(t *testing.T, d *Dataset, today time.Time) {
		account := map[domain.Role]domain.User{}
		for _, u := range d.Accounts {
			account[u.Roles[0]] = u
		}
		employer, school := account[domain.RoleEmployer].OrganisationIDs[0], account[domain.RoleCounsellor].OrganisationIDs[0]
		yesterday := today.AddDate(0, 0, -1)
		checks := map[string]bool{
			"the employer received applications yesterday": slices.ContainsFunc(d.Applications, func(a domain.Application) bool {
				return a.OrganisationID == employer && !a.CreatedAt.Before(yesterday)
			}),
			"the employer has applications expiring within 3 days": slices.ContainsFunc(d.Applications, func(a domain.Application) bool {
				return a.OrganisationID == employer && a.Status == domain.ApplicationSeen && a.ExpiresAt.Before(today.AddDate(0, 0, 3))
			}),
			"an application to the employer is past its delay": slices.ContainsFunc(d.Applications, func(a domain.Application) bool {
				return a.OrganisationID == employer && a.Status == domain.ApplicationSent && a.ExpiresAt.Before(today)
			}),
			"the employer's visit in two days is booked by the counsellor": slices.ContainsFunc(d.Bookings, func(b domain.Booking) bool {
				return b.OrganisationID == employer && b.StructureID == school && b.Status == domain.BookingConfirmed &&
					slices.ContainsFunc(d.Sessions, func(s domain.VisitSession) bool {
						return s.ID == b.SessionID && s.StartsAt.After(today.AddDate(0, 0, 2)) && s.StartsAt.Before(today.AddDate(0, 0, 3))
					})
			}),
			"the youth has applications": slices.ContainsFunc(d.Applications, func(a domain.Application) bool {
				return a.YouthID == account[domain.RoleYouth].ID
			}),
			"the applicant has a draft": slices.ContainsFunc(d.Grants, func(g domain.GrantApplication) bool {
				return g.CreatedBy == account[domain.RoleApplicant].ID && g.State == domain.GrantDraft
			}),
			"the reviewer has reviews pending": slices.ContainsFunc(d.Reviews, func(r domain.Review) bool {
				return r.ReviewerID == account[domain.RoleReviewer].ID && r.Status == domain.ReviewAssigned
			}),
		}
		for what, ok := range checks {
			if !ok {
				t.Error(what + ": no")
			}
		}
	})
}

// guardianOf is whom an application of y made at instant at informs.
func guardianOf(y *domain.Youth, at time.Time) string {
	if y.Age(at) < domain.AdultAge {
		return y.GuardianEmail
	}
	return ""
}

func userOrgs(d *Dataset, id string) []string {
	for _, u := range d.Users {
		if u.ID == id {
			return u.OrganisationIDs
		}
	}
	return nil
}
