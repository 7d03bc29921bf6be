package demo

import (
	"slices"
	"time"

	"passerelle/app/domain"
)

// applyingShare is the share of youths who may apply that have applied.
const applyingShare = 0.3

var applicationMessages = []string{
	"Bonjour, votre offre m'intéresse beaucoup : je suis motivé(e) et disponible aux dates indiquées.",
	"Bonjour, je souhaite découvrir ce métier et je serais heureux(se) d'en parler avec vous.",
	"Bonjour, je cherche une entreprise pour mon alternance et votre activité me plaît. Bien cordialement.",
	"Bonjour, mon professeur principal m'a conseillé votre offre. Je reste à votre disposition pour un entretien.",
	"",
}

// applications gives the demo youth an application in each open stage, the
// demo employer applications received yesterday and some about to expire
// unanswered, two (one of them the demo employer's) left past their delay
// for the expiry job, and about a
// third of the other youths one to three applications in any state.
func (g *generator) applications() {
	youth, employer := g.account(domain.RoleYouth), g.account(domain.RoleEmployer).OrganisationIDs[0]
	demoYouth := g.youthOf(youth.ID)
	for _, st := range []domain.ApplicationStatus{domain.ApplicationSent, domain.ApplicationSeen, domain.ApplicationInterview, domain.ApplicationDeclined} {
		g.apply(demoYouth, "", st, g.hoursAgo(24, 24*12))
	}
	for range 3 {
		g.apply(g.applicantFor(employer), employer, domain.ApplicationSent, g.yesterday())
	}
	for range 2 {
		g.apply(g.applicantFor(employer), employer, domain.ApplicationSeen, g.daysAgo(g.between(13, 14)))
	}
	for _, org := range []string{employer, ""} {
		g.apply(g.applicantFor(org), org, domain.ApplicationSent, g.hoursAgo(24*15+6, 24*15+20))
	}
	for i := range g.data.Youths {
		y := &g.data.Youths[i]
		if y.ID != youth.ID && g.mayApply(y) && g.chance(applyingShare) {
			for range g.between(1, 3) {
				g.apply(y, "", g.status(), time.Time{})
			}
		}
	}
}

// status draws where an application stands: most are still open.
func (g *generator) status() domain.ApplicationStatus {
	return pick(g, []domain.ApplicationStatus{domain.ApplicationSent, domain.ApplicationSent, domain.ApplicationSeen,
		domain.ApplicationSeen, domain.ApplicationInterview, domain.ApplicationAccepted, domain.ApplicationDeclined,
		domain.ApplicationWithdrawn, domain.ApplicationExpired})
}

// apply saves an application of y to an offer of orgID (any when "") that
// y may apply to, made at instant at (or, when zero, at an instant its
// status allows); nothing when there is no such offer.
func (g *generator) apply(y *domain.Youth, orgID string, st domain.ApplicationStatus, at time.Time) {
	if at.IsZero() {
		at = g.appliedAt(st)
	}
	if y == nil {
		return
	}
	o := g.offerFor(y, orgID, at)
	if o == nil {
		return
	}
	if st == domain.ApplicationAccepted && o.PlacesLeft == 0 {
		st = domain.ApplicationDeclined
	}
	u := g.userOf(y.ID)
	a := domain.Application{ID: domain.ApplicationID(o.ID, y.ID), OfferID: o.ID, OfferTitle: o.Title,
		OrganisationID: o.OrganisationID, YouthID: y.ID, YouthName: u.Name, YouthEmail: u.Email,
		Message: pick(g, applicationMessages), Status: st, ExpiresAt: at.Add(applicationDelay),
		CreatedAt: at, UpdatedAt: g.answeredAt(st, at)}
	if y.Age(at) < domain.AdultAge {
		a.GuardianEmail = y.GuardianEmail
	}
	if st == domain.ApplicationAccepted {
		o.PlacesLeft--
		o.AcceptedIDs = append(o.AcceptedIDs, a.ID)
	}
	g.data.Applications = append(g.data.Applications, a)
	g.applied[a.ID] = true
	g.received[a.OfferID]++
}

// appliedAt dates an application so that its status is consistent: open
// ones within their delay, expired ones past it.
func (g *generator) appliedAt(st domain.ApplicationStatus) time.Time {
	switch st {
	case domain.ApplicationSent, domain.ApplicationSeen:
		return g.hoursAgo(2, 24*11)
	case domain.ApplicationExpired:
		return g.daysAgo(g.between(16, 40))
	}
	return g.daysAgo(g.between(3, 40))
}

// answeredAt is when the application last moved: its expiry, or a few days
// after it was sent, never after now.
func (g *generator) answeredAt(st domain.ApplicationStatus, at time.Time) time.Time {
	switch st {
	case domain.ApplicationSent:
		return at
	case domain.ApplicationExpired:
		return at.Add(applicationDelay + 150*time.Minute) // the nightly job's run
	}
	return g.beforeToday(at.Add(time.Duration(g.between(4, 24*3)) * time.Hour))
}

// mayApply reports whether a youth is in a position to apply at all.
func (g *generator) mayApply(y *domain.Youth) bool {
	return y.Age(g.today) >= domain.ConsentAge || y.GuardianConsentAt != nil
}

// offerFor picks, among the offers of the organisation orgID (any when "")
// that y may apply to, published before at and not applied to by y yet, one
// of those with the fewest applications; nil when none is left.
func (g *generator) offerFor(y *domain.Youth, orgID string, at time.Time) *domain.Offer {
	received := g.received
	var fit []int
	for i := range g.data.Offers {
		o := &g.data.Offers[i]
		if (orgID == "" || o.OrganisationID == orgID) && g.fits(y, o) && o.PublishedAt.Before(at) && domain.Eligible(y, o, at) == nil {
			fit = append(fit, i)
		}
	}
	if len(fit) == 0 || g.userOf(y.ID).CreatedAt.After(at) {
		return nil
	}
	// the least sought first, so that an employer's applications spread over its offers
	fewest := slices.MinFunc(fit, func(i, j int) int { return received[g.data.Offers[i].ID] - received[g.data.Offers[j].ID] })
	fit = slices.DeleteFunc(fit, func(i int) bool { return received[g.data.Offers[i].ID] > received[g.data.Offers[fewest].ID] })
	return &g.data.Offers[pick(g, fit)]
}

// fits reports whether y may apply to o today (visits are booked by
// groups: the offer is published) and has not yet.
func (g *generator) fits(y *domain.Youth, o *domain.Offer) bool {
	return o.Type != domain.OfferVisit && !g.applied[domain.ApplicationID(o.ID, y.ID)] && domain.Eligible(y, o, g.today) == nil
}

// applicantFor picks a youth, other than the demo youth, who may apply to an
// offer of orgID (any when "") they have not applied to yet.
func (g *generator) applicantFor(orgID string) *domain.Youth {
	demoYouth := g.account(domain.RoleYouth).ID
	for range 1000 {
		y := &g.data.Youths[g.rng.IntN(len(g.data.Youths))]
		if y.ID == demoYouth || !g.mayApply(y) {
			continue
		}
		for i := range g.data.Offers {
			o := &g.data.Offers[i]
			if (orgID == "" || o.OrganisationID == orgID) && g.fits(y, o) {
				return y
			}
		}
	}
	return nil
}

func (g *generator) userOf(id string) domain.User {
	return g.data.Users[slices.IndexFunc(g.data.Users, func(u domain.User) bool { return u.ID == id })]
}

func (g *generator) youthOf(id string) *domain.Youth {
	return &g.data.Youths[slices.IndexFunc(g.data.Youths, func(y domain.Youth) bool { return y.ID == id })]
}
