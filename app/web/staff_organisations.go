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
		all, err := s.readModels.staffOrganisations.Get(c.UserContext())
		return domain.PageOf(organisationsMatching(all, q), r), err
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

// organisationsMatching returns those of orgs whose name contains q, in
// any case, or whose identifier (SIRET, UAI, RNA) is q; all when q is empty.
func organisationsMatching(orgs []domain.Organisation, q string) []domain.Organisation {
	if q == "" {
		return orgs
	}
	lower := strings.ToLower(q)
	var found []domain.Organisation
	for _, o := range orgs {
		if strings.Contains(strings.ToLower(o.Name), lower) || q == o.SIRET || q == o.UAI || q == o.RNA {
			found = append(found, o)
		}
	}
	return found
}
