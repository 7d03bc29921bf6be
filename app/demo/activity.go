package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"passerelle/app/domain"
)

// activitySeed fixes the activity apart from the rest of the data set, so
// that adding to the catalogue of offers or youths does not reshuffle who
// applied where, and the other way round.
const activitySeed = 7

// applicationDelay is the default [applications] expiry_delay: the demo's
// open applications expire as the platform's would.
const applicationDelay = 15 * 24 * time.Hour

// activity gives the data set a life before today: group bookings of the
// coming visits, applications in every state, PROGR'ESS drafts, submitted
// files and reviews. It runs last, on its own random source, and involves
// every demo account, so that each scheduled email has someone to tell.
// All of it lies before today's midnight: the data set stays the same all
// day, and nothing happened later than the moment it is loaded.
func (g *generator) activity() {
	g.rng = rand.New(rand.NewPCG(seed1, activitySeed))
	g.counsellors()
	g.bookings()
	g.applications()
	g.grants()
}

// account returns the demo account of a role.
func (g *generator) account(role domain.Role) domain.User {
	for _, u := range g.data.Accounts {
		if u.Roles[0] == role {
			return u
		}
	}
	panic(fmt.Sprintf("demo: no %s account", role))
}

// member adds a passwordless account of a role belonging to an
// organisation: the people on the other side of the demo's activity.
func (g *generator) member(role domain.Role, orgID string) domain.User {
	first, last := pick(g, firstNames), pick(g, lastNames)
	n := g.next["user"] + 1
	u := g.user(fmt.Sprintf("%s.%s.%d@%s", slug(first), slug(last), n, EmailDomain), first+" "+last, role)
	verified := u.CreatedAt
	u.EmailVerifiedAt = &verified
	if orgID != "" {
		u.OrganisationIDs = []string{orgID}
	}
	g.data.Users = append(g.data.Users, u)
	return u
}

// hoursAgo returns an instant at least lo and at most hi hours before
// today's midnight.
func (g *generator) hoursAgo(lo, hi int) time.Time {
	return g.today.Add(-time.Duration(g.between(lo*60, hi*60)) * time.Minute)
}

// yesterday returns an instant of the Paris day before today, in working hours.
func (g *generator) yesterday() time.Time { return g.daysAgo(1) }

// beforeToday returns t, or an instant just before today when t is later.
func (g *generator) beforeToday(t time.Time) time.Time {
	if limit := g.today.Add(-time.Minute); t.After(limit) {
		return limit
	}
	return t
}
