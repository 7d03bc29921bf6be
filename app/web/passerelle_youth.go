package web

import (
	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
)

func (s *Server) applyPage(c *fiber.Ctx) error {
	return s.showApplyForm(c, fiber.Map{})
}

func (s *Server) showApplyForm(c *fiber.Ctx, data fiber.Map) error {
	o, err := s.deps.Passerelle.OfferToApply(c.UserContext(), c.Params("id"))
	if err != nil {
		return err
	}
	data["Title"], data["Offer"] = s.localizer(c).T("passerelle.apply.title"), o
	return s.render(c, "passerelle_apply", data)
}

// applyForm takes the multipart form: message and optional CV.
func (s *Server) applyForm(c *fiber.Ctx) error {
	in, err := applyInput(c)
	if err == nil {
		if _, err = s.deps.Passerelle.Apply(c.UserContext(), currentUser(c), c.Params("id"), in); err == nil {
			s.flash(c, "application_sent")
			return c.Redirect("/jeunes/candidatures", fiber.StatusSeeOther)
		}
	}
	data := fiber.Map{"Message": c.FormValue("message")}
	if !failed(c, data, err) {
		return err
	}
	return s.showApplyForm(c, data)
}

func (s *Server) myApplications(c *fiber.Ctx) error {
	apps, p, err := readPage(c, listAt{path: "/jeunes/candidatures"}, func(r domain.PageRequest) (domain.Page[domain.Application], error) {
		return s.deps.Passerelle.ApplicationsPageFor(c.UserContext(), currentUser(c), r)
	})
	if err != nil {
		return err
	}
	return s.render(c, "passerelle_applications", fiber.Map{"Title": s.localizer(c).T("passerelle.applications.mine"), "Applications": apps, "Pager": p})
}

func (s *Server) withdrawForm(c *fiber.Ctx) error {
	if ok, err := s.confirmFirst(c, "withdraw", "", "/jeunes/candidatures"); !ok {
		return err
	}
	_, err := s.deps.Passerelle.WithdrawApplication(c.UserContext(), currentUser(c), c.Params("id"))
	if err != nil {
		return err
	}
	s.flash(c, "application_withdrawn")
	return c.Redirect("/jeunes/candidatures", fiber.StatusSeeOther)
}
