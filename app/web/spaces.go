package web

import (
	"github.com/gofiber/fiber/v2"

	"passerelle/app/alternance"
	"passerelle/app/discover"
	"passerelle/app/domain"
)

// showcase is how many of the latest offers and of the upcoming visit
// sessions a page shows from the overview.
type showcase struct{ offers, visits int }

var (
	homeShowcase       = showcase{offers: 6, visits: 4}
	youthShowcase      = showcase{offers: 12} // youths apply to offers; counsellors book visits
	counsellorShowcase = showcase{visits: 20}
	noShowcase         = showcase{}
)

// exports are the lists an employer or staff downloads (passerelle_export.go).
var exports = []string{"offres", "candidatures", "reservations"}

// Each space page shows first what its user came to do, from the overview.
func (s *Server) space(page string, shown showcase) fiber.Handler {
	return func(c *fiber.Ctx) error {
		o, err := s.overviewFor(c.UserContext(), shown)
		if err != nil {
			return err
		}
		mine, err := s.loadMySpace(c, page)
		if err != nil {
			return err
		}
		title := s.localizer(c).T(page + ".title")
		return s.render(c, page, fiber.Map{"Title": title, "Overview": o, "Now": s.deps.Now(),
			"OfferTypes": domain.OfferTypes, "Mine": mine,
			"Families": discover.Families(), "Exports": exports})
	}
}

func (s *Server) offer(c *fiber.Ctx) error {
	offer, err := s.readModels.offers.Get(c.UserContext(), c.Params("id"))
	if err != nil {
		return err
	}
	if offer.Status != domain.OfferPublished {
		return &domain.Error{Code: domain.ENOTFOUND, Message: "error.offer.not_found"}
	}
	favourite, err := s.isFavourite(c, offer.ID)
	if err != nil {
		return err
	}
	data := fiber.Map{"Title": offer.Title, "Offer": offer, "Favourite": favourite, "Contract": workStudyContract[offer.Type]}
	// A youth learns here, not on submitting the form, whether they may apply.
	if u := currentUser(c); u != nil && u.HasRole(domain.RoleYouth) && offer.Type != domain.OfferVisit {
		if data["Cannot"], data["Applied"], err = s.deps.Passerelle.Eligibility(c.UserContext(), u, offer); err != nil {
			return err
		}
	}
	return s.render(c, "offer", data)
}

// workStudyContract is the simulator's contract of a work-study offer.
var workStudyContract = map[domain.OfferType]alternance.Contract{
	domain.OfferApprenticeship:      alternance.Apprenticeship,
	domain.OfferProfessionalisation: alternance.Professionalisation,
}
