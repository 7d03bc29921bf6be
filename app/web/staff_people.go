package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
)

// staffPeople lists accounts for staff, matching an email or a name.
func (s *Server) staffPeople(c *fiber.Ctx) error {
	q := strings.TrimSpace(c.Query("q"))
	users, p, err := readPage(c, listAt{path: "/agents/personnes"}, func(r domain.PageRequest) (domain.Page[domain.User], error) {
		return s.deps.People.UsersPage(c.UserContext(), q, r)
	})
	if err != nil {
		return err
	}
	return s.render(c, "staff_people", fiber.Map{"Title": s.localizer(c).T("staff.people.title"), "People": users,
		"Query": q, "Roles": domain.Roles, "Pager": p})
}

func (s *Server) changeRoles(c *fiber.Ctx) error {
	var roles []domain.Role
	for _, r := range formValues(c)["roles"] {
		roles = append(roles, domain.Role(r))
	}
	if err := s.deps.Accounts.ChangeRoles(c.UserContext(), c.Params("id"), roles, currentUser(c), s.client(c)); err != nil {
		return err
	}
	return s.backToPeople(c)
}

func (s *Server) suspendUser(c *fiber.Ctx) error {
	suspend := c.FormValue("suspend") == "1"
	if err := s.deps.Accounts.Suspend(c.UserContext(), c.Params("id"), suspend, currentUser(c), s.client(c)); err != nil {
		return err
	}
	return s.backToPeople(c)
}

func (s *Server) backToPeople(c *fiber.Ctx) error {
	return c.Redirect(backToList(c, "/agents/personnes"), fiber.StatusSeeOther)
}
