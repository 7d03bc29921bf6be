package web

import (
	"net/url"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/account"
	"passerelle/app/refdata"
)

// newOrganisationPage shows the creation form; "?ecole=…" lists the schools
// of the 92 matching a name or UAI, to pick one without JavaScript.
func (s *Server) newOrganisationPage(c *fiber.Ctx) error {
	form := url.Values{"kind": {c.Query("kind")}, "uai": {c.Query("uai")}}
	return s.render(c, "organisation_new", s.organisationFormData(c, form))
}

func (s *Server) organisationFormData(c *fiber.Ctx, form url.Values) fiber.Map {
	data := fiber.Map{"Title": s.localizer(c).T("organisation.new.title"), "Kinds": account.KindsFor(currentUser(c)),
		"Form": form, "SchoolQuery": c.Query("ecole")}
	if q := c.Query("ecole"); q != "" {
		data["Schools"] = refdata.SearchSchools(q, 20)
	}
	return data
}

func (s *Server) createOrganisation(c *fiber.Ctx) error {
	form := formValues(c)
	user := currentUser(c)
	o, err := account.ParseOrganisation(form, user, s.deps.Now())
	if err == nil {
		var created = &o
		if created, err = s.deps.Accounts.CreateOrganisation(c.UserContext(), o, user, s.client(c)); err == nil {
			return c.Redirect("/organisations/"+created.ID, fiber.StatusSeeOther)
		}
	}
	return s.formFailed(c, "organisation_new", s.organisationFormData(c, form), err)
}

func (s *Server) organisationPage(c *fiber.Ctx) error {
	return s.showOrganisation(c, fiber.Map{})
}

func (s *Server) showOrganisation(c *fiber.Ctx, data fiber.Map) error {
	ctx := c.UserContext()
	org, err := s.deps.People.OrganisationByID(ctx, c.Params("id"))
	if err != nil {
		return err
	}
	members, err := s.deps.People.OrganisationMembers(ctx, org.ID)
	if err != nil {
		return err
	}
	data["Title"], data["Organisation"], data["Members"] = org.Name, org, members
	return s.render(c, "organisation", data)
}

func (s *Server) inviteMember(c *fiber.Ctx) error {
	org, err := s.deps.People.OrganisationByID(c.UserContext(), c.Params("id"))
	if err != nil {
		return err
	}
	email := c.FormValue("email")
	if err := s.deps.Accounts.Invite(c.UserContext(), org, email, currentUser(c), s.client(c)); err != nil {
		return s.showFailed(c, fiber.Map{"InviteEmail": email}, err)
	}
	return s.showOrganisation(c, fiber.Map{"Invited": email})
}

// showFailed shows the organisation page again with a form's error.
func (s *Server) showFailed(c *fiber.Ctx, data fiber.Map, err error) error {
	if !failed(c, data, err) {
		return err
	}
	return s.showOrganisation(c, data)
}

func (s *Server) invitationPage(c *fiber.Ctx) error {
	return s.render(c, "invitation", fiber.Map{"Title": s.localizer(c).T("organisation.invitation.title"),
		"Token": c.Params("token")})
}

func (s *Server) acceptInvitation(c *fiber.Ctx) error {
	orgID, err := s.deps.Accounts.AcceptInvitation(c.UserContext(), c.Params("token"), currentUser(c))
	if err != nil {
		return err
	}
	return c.Redirect("/organisations/"+orgID, fiber.StatusSeeOther)
}
