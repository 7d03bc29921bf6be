package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"
)

// staffOrganisations lists organisations for staff, those waiting for
// verification first, optionally matching a name or identifier.
func (s *Server) staffOrganisations(c *fiber.Ctx) error {
	q := strings.TrimSpace(c.Query("q"))
	total, err := s.deps.People.CountOrganisationsMatching(c.UserContext(), q)
	if err != nil {
		return err
	}
	p, err := newPager(c, total, listAt{path: "/agents/organisations"})
	if err != nil {
		return err
	}
	orgs, err := s.deps.People.FindOrganisations(c.UserContext(), q, p.offset(), listPerPage)
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
	return c.Redirect(backToList(c, "/agents/organisations"), fiber.StatusSeeOther)
}
