package web

import (
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// staffOrganisations lists organisations for staff, those waiting for
// verification first, optionally matching a name or identifier.
func (s *Server) staffOrganisations(c *fiber.Ctx) error {
	q := strings.TrimSpace(c.Query("q"))
	orgs, err := s.deps.People.FindOrganisations(c.UserContext(), q, 50)
	if err != nil {
		return err
	}
	return s.render(c, "staff_organisations", fiber.Map{"Title": s.localizer(c).T("staff.organisations.title"),
		"Organisations": orgs, "Query": q})
}

func (s *Server) verifyOrganisation(c *fiber.Ctx) error {
	verified := c.FormValue("verified") == "1"
	if err := s.deps.Accounts.VerifyOrganisation(c.UserContext(), c.Params("id"), verified, currentUser(c), s.client(c)); err != nil {
		return err
	}
	return c.Redirect("/agents/organisations?q="+url.QueryEscape(c.FormValue("q")), fiber.StatusSeeOther)
}
