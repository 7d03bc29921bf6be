package web

import (
	"context"
	"errors"
	"slices"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/discover"
	"passerelle/app/domain"
	"passerelle/app/refdata"
	"passerelle/search"
)

// discoverShown bounds the offers, visits and employers a discovery page
// lists; the search page has the rest.
const discoverShown = 6

// openings is what is open now in a family or in the ESS: from the search
// engine, never from the database, near the youth when one is signed in.
type openings struct {
	Offers, Visits []search.Hit
	Employers      []employerLink
	Near           *refdata.Commune
	Unavailable    bool
}

func (s *Server) discoverIndex(c *fiber.Ctx) error {
	return s.render(c, "discover", fiber.Map{"Title": s.localizer(c).T("discover.title"), "Families": discover.Families()})
}

// discoverFamily serves the discovery page of a family of métiers en tension.
func (s *Server) discoverFamily(c *fiber.Ctx) error {
	family, ok := discover.BySlug(c.Params("famille"))
	if !ok {
		return &domain.Error{Code: domain.ENOTFOUND, Message: "error.discover.not_found"}
	}
	near, err := s.youthCommune(c)
	if err != nil {
		return err
	}
	open := s.openings(c.UserContext(), near, func(q *search.Query) { q.TensionFamilies = []string{family.Key} })
	testimonies, err := s.readModels.familyTestimonies.Get(c.UserContext(), family.Key)
	if err != nil {
		return err
	}
	l := s.localizer(c)
	return s.render(c, "discover_family", fiber.Map{"Title": l.T("discover.family.title", l.T("discover."+family.Key+".name")),
		"Family": family, "Groups": family.Groups(), "Lycees": discover.VocationalLycees(near, 2*discoverShown),
		"Open": open, "Testimonies": testimonies})
}

// discoverESS serves the page on the social and solidarity economy.
func (s *Server) discoverESS(c *fiber.Ctx) error {
	near, err := s.youthCommune(c)
	if err != nil {
		return err
	}
	yes := true
	open := s.openings(c.UserContext(), near, func(q *search.Query) { q.ESS = &yes })
	laureates, err := s.laureateExamples(c.UserContext())
	if err != nil {
		return err
	}
	return s.render(c, "discover_ess", fiber.Map{"Title": s.localizer(c).T("discover.ess.title"), "Open": open,
		"Laureates": laureates, "Forms": essForms})
}

// youthCommune is the commune of the signed-in youth's profile, nil for
// anyone else or a youth living outside the 92.
func (s *Server) youthCommune(c *fiber.Ctx) (*refdata.Commune, error) {
	y, err := s.youthProfileOf(c)
	if err != nil || y == nil {
		return nil, err
	}
	commune, ok := refdata.CommuneByCode(y.CommuneCode)
	if !ok {
		return nil, nil
	}
	return &commune, nil
}

// youthProfileOf is the signed-in youth's profile; nil for anyone else or
// a youth without one.
func (s *Server) youthProfileOf(c *fiber.Ctx) (*domain.Youth, error) {
	u := currentUser(c)
	if u == nil || !u.HasRole(domain.RoleYouth) {
		return nil, nil
	}
	return s.deps.Accounts.YouthProfile(c.UserContext(), u)
}

// openings asks the engine for the newest offers (or the nearest) and
// visits matching filter, and names the employers behind them. An engine
// outage leaves the rest of the page, with a note.
func (s *Server) openings(ctx context.Context, near *refdata.Commune, filter func(*search.Query)) openings {
	open := openings{Near: near}
	if s.deps.Search == nil {
		open.Unavailable = true
		return open
	}
	for _, visits := range []bool{false, true} {
		q := search.Query{Sort: search.SortNewest, PerPage: 50}
		for _, t := range domain.OfferTypes {
			if (t == domain.OfferVisit) == visits {
				q.Types = append(q.Types, string(t))
			}
		}
		if near != nil {
			q.Near, q.Sort = &search.Point{Lat: near.Lat, Lng: near.Lng}, search.SortDistance
		}
		filter(&q)
		res, err := s.deps.Search.Search(ctx, q)
		if err != nil {
			if !errors.Is(err, search.ErrUnavailable) {
				s.deps.Logger.Error("discovery openings", "error", err)
			}
			open.Unavailable = true
			return open
		}
		hits := res.Hits[:min(discoverShown, len(res.Hits))]
		if visits {
			open.Visits = hits
		} else {
			open.Offers = hits
		}
		for _, h := range res.Hits {
			e := employerLink{ID: h.Offer.OrganisationID, Name: h.Offer.OrganisationName}
			if len(open.Employers) < 2*discoverShown && !slices.Contains(open.Employers, e) {
				open.Employers = append(open.Employers, e)
			}
		}
	}
	return open
}

// employerLink names an employer with offers open, and links to its public
// page when the search engine knows its id (offers indexed since).
type employerLink struct{ ID, Name string }

// essForms are the kinds of ESS organisation the page explains; their texts
// are the catalog's discover.ess.form.<kind> and .text.
var essForms = []string{"association", "cooperative", "mutuelle", "fondation", "esus"}

// discoverSheet serves a family's printable sheet for a class.
func (s *Server) discoverSheet(c *fiber.Ctx) error {
	family, ok := discover.BySlug(c.Params("famille"))
	if !ok {
		return &domain.Error{Code: domain.ENOTFOUND, Message: "error.discover.not_found"}
	}
	l := s.localizer(c)
	page := c.BaseURL() + "/decouvrir/" + family.Slug
	pdf, err := discover.Sheet(family, l.T, l.T("discover."+family.Key+".name"), page, discover.VocationalLycees(nil, 0), l.Commune)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "application/pdf")
	c.Set(fiber.HeaderContentDisposition, `inline; filename="passerelle92-`+family.Slug+`.pdf"`)
	return c.Send(pdf)
}

// classJourney serves a counsellor's plan for a class in a family: discover
// in class with the printable sheet, visit a company (booking links), meet
// the employers, then the offers — in one place.
func (s *Server) classJourney(c *fiber.Ctx) error {
	family, ok := discover.BySlug(c.Params("famille"))
	if !ok {
		return &domain.Error{Code: domain.ENOTFOUND, Message: "error.discover.not_found"}
	}
	l := s.localizer(c)
	name := l.T("discover." + family.Key + ".name")
	open := s.openings(c.UserContext(), nil, func(q *search.Query) { q.TensionFamilies = []string{family.Key} })
	return s.render(c, "class_journey", fiber.Map{"Title": l.T("class.title", name), "Family": family,
		"FamilyName": name, "Open": open})
}
