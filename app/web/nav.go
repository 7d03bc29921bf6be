package web

import (
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
)

// navLink is one section of the header's navigation.
type navLink struct {
	Href, Label string // Label is a catalog key
	Count       int    // shown beside the label when positive (the moderation queue)
	Current     bool
}

// publicSections are what the header offers a visitor: the spaces, staff's
// left out (staff reach theirs after signing in).
var publicSections = []navLink{
	{Href: "/jeunes", Label: "nav.youth"}, {Href: "/etablissements", Label: "nav.counsellor"},
	{Href: "/employeurs", Label: "nav.employer"}, {Href: "/progress", Label: "nav.progress"},
	{Href: "/evenements", Label: "nav.events"},
}

// myEvents is each role's way to its events: those it registered to, those it organises.
var myEvents = navLink{Href: "/evenements/mes-evenements", Label: "nav.events.mine"}

// roleSections are each role's sections, the first of which is where the
// role lands after signing in.
var roleSections = map[domain.Role][]navLink{
	domain.RoleYouth: {{Href: "/jeunes", Label: "nav.youth.space"}, {Href: "/offres", Label: "nav.youth.offers"},
		{Href: "/jeunes/candidatures", Label: "nav.youth.applications"}, {Href: "/jeunes#mes-favoris", Label: "nav.youth.favourites"},
		{Href: "/jeunes#mes-recherches", Label: "nav.youth.searches"}, {Href: "/compte/profil", Label: "nav.youth.profile"}, myEvents},
	domain.RoleCounsellor: {{Href: "/etablissements", Label: "nav.counsellor.visits"},
		{Href: "/etablissements/reservations", Label: "nav.counsellor.bookings"}, {Href: "/campagnes", Label: "nav.counsellor.campaigns"},
		{Href: "/etablissements#mes-jeunes", Label: "nav.counsellor.youths"}, myEvents},
	domain.RoleEmployer: {{Href: "/employeurs", Label: "nav.employer.space"}, {Href: "/employeurs/offres", Label: "nav.employer.offers"},
		{Href: "/employeurs/offres/nouvelle", Label: "nav.employer.new_offer"},
		{Href: "/employeurs/offres#candidatures", Label: "nav.employer.applications"},
		{Href: "/employeurs/offres#exports", Label: "nav.employer.exports"}, myEvents},
	domain.RoleApplicant: {{Href: "/progress/dossiers", Label: "nav.applicant.files"}, {Href: "/progress", Label: "nav.progress"},
		{Href: "/accompagnement/mes-demandes", Label: "nav.applicant.support"}, myEvents},
	domain.RoleReviewer: {{Href: "/jury", Label: "nav.reviewer.files"}},
	domain.RoleAdviser:  {{Href: "/accompagnement/suivi", Label: "nav.adviser.requests"}, {Href: "/accompagnement", Label: "nav.adviser.offer"}},
	domain.RoleStaff:    staffSections,
	domain.RoleAdmin: {{Href: "/agents", Label: "nav.staff.dashboards"}, {Href: "/agents/organisations", Label: "nav.staff.organisations"},
		{Href: "/agents/personnes", Label: "nav.staff.people"}, {Href: "/agents/campagnes", Label: "nav.staff.campaigns"},
		{Href: "/agents/journal", Label: "nav.staff.audit"}}, // the staff's work is refused to administrators
}

var staffSections = []navLink{{Href: "/agents", Label: "nav.staff.dashboards"}, {Href: "/agents/moderation", Label: "nav.staff.moderation"},
	{Href: "/agents/organisations", Label: "nav.staff.organisations"}, {Href: "/agents/personnes", Label: "nav.staff.people"},
	{Href: "/agents/reservations", Label: "nav.staff.bookings"}, {Href: "/agents/campagnes", Label: "nav.staff.campaigns"},
	{Href: "/agents/progress", Label: "nav.staff.progress"}, {Href: "/agents/accompagnement", Label: "nav.staff.support"},
	{Href: "/agents/journal", Label: "nav.staff.audit"}, myEvents}

// landingOf is where u lands after signing in: their first role's space.
func landingOf(u *domain.User) string {
	for _, r := range domain.Roles {
		if u != nil && u.HasRole(r) {
			return roleSections[r][0].Href
		}
	}
	return "/compte"
}

// navFor returns the header's sections for the request's user. Staff see
// the moderation queue's length, from the overview's figures (kept in
// memory). Without it (the database is down, and the page may be the error
// page) the header goes without the count.
func (s *Server) navFor(c *fiber.Ctx) []navLink {
	u := currentUser(c)
	links := publicSections
	if u != nil {
		links = nil
		for _, r := range domain.Roles {
			if u.HasRole(r) {
				links = appendNew(links, roleSections[r])
			}
		}
	}
	out := make([]navLink, len(links))
	for i, l := range links {
		if l.Href == "/agents/moderation" {
			o, err := s.readModels.overview.Get(c.UserContext())
			if err != nil {
				s.deps.Logger.WarnContext(c.UserContext(), "moderation count", "err", err)
			} else {
				l.Count = o.Counts.OffersByStatus[domain.OfferPending]
			}
		}
		l.Current = !strings.Contains(l.Href, "#") && l.Href == c.Path()
		out[i] = l
	}
	return out
}

// appendNew appends the links of more whose address is not yet in links.
func appendNew(links, more []navLink) []navLink {
	for _, m := range more {
		if !slices.ContainsFunc(links, func(l navLink) bool { return l.Href == m.Href }) {
			links = append(links, m)
		}
	}
	return links
}
