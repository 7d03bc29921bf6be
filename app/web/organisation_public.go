package web

import (
	"context"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/account"
	"passerelle/app/discover"
	"passerelle/app/domain"
)

// publicShown bounds the offers and testimonies an organisation's public
// page lists.
const publicShown = 20

// publicOrganisation serves an employer's public page: its presentation, ESS
// status, trades, offers and visits open now, published testimonies and the
// accessibility of its premises. Schools and youth structures have none.
func (s *Server) publicOrganisation(c *fiber.Ctx) error {
	page, err := s.readModels.organisations.Get(c.UserContext(), c.Params("id"))
	if err != nil {
		return err
	}
	return s.render(c, "organisation_public", fiber.Map{"Title": page.org.Name, "Organisation": page.org,
		"Offers": page.open, "Visits": page.visits, "Families": page.families, "Testimonies": page.testimonies})
}

// publicPage is what an organisation's public page shows, kept as a read
// model (organisations, offers and testimonies change it).
type publicPage struct {
	org          *domain.Organisation
	open, visits []domain.Offer
	families     []discover.Family
	testimonies  []domain.Testimony
}

func (s *Server) readPublicPage(ctx context.Context, id string) (*publicPage, error) {
	org, err := s.deps.People.OrganisationByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if org.Kind.IsStructure() {
		return nil, &domain.Error{Code: domain.ENOTFOUND, Message: "error.organisation.not_found"}
	}
	offers, err := s.deps.People.PublishedOffersOf(ctx, org.ID, publicShown)
	if err != nil {
		return nil, err
	}
	p := &publicPage{org: org}
	if p.testimonies, err = s.deps.People.PublishedTestimonies(ctx, org.ID, "", publicShown); err != nil {
		return nil, err
	}
	for _, key := range account.TensionFamilies(offers) {
		if f, ok := discover.ByKey(key); ok {
			p.families = append(p.families, f)
		}
	}
	for _, o := range offers {
		if o.Type == domain.OfferVisit {
			p.visits = append(p.visits, o)
		} else {
			p.open = append(p.open, o)
		}
	}
	return p, nil
}

// savePresentation saves the texts of the organisation's public page.
func (s *Server) savePresentation(c *fiber.Ctx) error {
	org, err := s.deps.People.OrganisationByID(c.UserContext(), c.Params("id"))
	if err != nil {
		return err
	}
	presentation, accessibility := c.FormValue("presentation"), c.FormValue("accessibility")
	err = s.deps.Accounts.SavePresentation(c.UserContext(), org, presentation, accessibility, currentUser(c), s.client(c))
	if err != nil {
		return s.showFailed(c, fiber.Map{"Presentation": presentation, "Accessibility": accessibility}, err)
	}
	return s.showOrganisation(c, fiber.Map{"Done": "organisation.presentation.saved"})
}

// writeTestimony records a member's testimony, to be moderated.
func (s *Server) writeTestimony(c *fiber.Ctx) error {
	org, err := s.deps.People.OrganisationByID(c.UserContext(), c.Params("id"))
	if err != nil {
		return err
	}
	author, text := c.FormValue("author"), c.FormValue("testimony")
	if err := s.deps.Accounts.WriteTestimony(c.UserContext(), org, author, text, currentUser(c), s.client(c)); err != nil {
		return s.showFailed(c, fiber.Map{"Author": author, "Testimony": text}, err)
	}
	return s.showOrganisation(c, fiber.Map{"Done": "testimony.sent"})
}

// staffTestimonies lists the testimonies waiting for moderation.
func (s *Server) staffTestimonies(c *fiber.Ctx) error {
	return s.showTestimonies(c, fiber.Map{})
}

func (s *Server) showTestimonies(c *fiber.Ctx, data fiber.Map) error {
	pending, p, err := readPage(c, listAt{path: "/agents/temoignages"}, func(r domain.PageRequest) (domain.Page[domain.Testimony], error) {
		return s.deps.People.PendingTestimonies(c.UserContext(), r)
	})
	if err != nil {
		return err
	}
	data["Title"], data["Pending"], data["Pager"] = s.localizer(c).T("testimony.staff.title"), pending, p
	return s.render(c, "staff_testimonies", data)
}

// moderateTestimony publishes or refuses a testimony, then shows the rest
// of the queue with what was done.
func (s *Server) moderateTestimony(publish bool) fiber.Handler {
	return func(c *fiber.Ctx) error {
		t, err := s.deps.Accounts.ModerateTestimony(c.UserContext(), c.Params("id"), publish, currentUser(c), s.client(c))
		if err != nil {
			data := fiber.Map{}
			if !failed(c, data, err) {
				return err
			}
			return s.showTestimonies(c, data)
		}
		return s.showTestimonies(c, fiber.Map{"Done": "testimony." + string(t.Status), "Decided": t})
	}
}
