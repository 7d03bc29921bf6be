package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
)

// staffOrganisations lists organisations for staff, those waiting for
// verification first, optionally matching a name or identifier.
func (s *Server) staffOrganisations(c *fiber.Ctx) error {
	q := strings.TrimSpace(c.Query("q"))
	orgs, p, err := readPage(c, listAt{path: "/agents/organisations"}, func(r domain.PageRequest) (domain.Page[domain.Organisation], error) {
		return s.deps.People.OrganisationsPage(c.UserContext(), q, r)
	})
	if err != nil {
		return err
	}
	return s.render(c, "staff_organisations", fiber.Map{"Title": s.localizer(c).T("staff.organisations.title"),
		"Organisations": orgs, "Query": q, "Pager": p})
}

func (s *Server) verifyOrganisation(c *fiber.Ctx) error {
	verified := c.FormValue("verified") == "1"
	if err := s.deps.Accounts.VerifyOrganisation(c.UserContext(), c.Params("id"), verified, currentUser(c), s.client(c)); err != nil {
		return err
	}
	if verified {
		s.flash(c, "organisation_verified")
	}
	return c.Redirect(backToList(c, "/agents/organisations"), fiber.StatusSeeOther)
}
