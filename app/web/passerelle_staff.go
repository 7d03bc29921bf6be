package web

import (
	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
)

// moderationQueue lists the offers waiting for a staff decision.
func (s *Server) moderationQueue(c *fiber.Ctx) error {
	return s.showModeration(c, fiber.Map{})
}

func (s *Server) showModeration(c *fiber.Ctx, data fiber.Map) error {
	offers, p, err := readPage(c, listAt{path: "/agents/moderation"}, func(r domain.PageRequest) (domain.Page[domain.Offer], error) {
		return s.deps.Passerelle.ModerationQueue(c.UserContext(), currentUser(c), r)
	})
	if err != nil {
		return err
	}
	data["Offers"], data["Pager"] = offers, p
	data["Title"] = s.localizer(c).T("passerelle.moderation.title")
	return s.render(c, "passerelle_moderation", data)
}

func (s *Server) publishForm(c *fiber.Ctx) error {
	if _, err := s.deps.Passerelle.PublishOffer(c.UserContext(), currentUser(c), c.Params("id")); err != nil {
		return err
	}
	s.flash(c, "offer_published")
	return c.Redirect("/agents/moderation", fiber.StatusSeeOther)
}

func (s *Server) rejectForm(c *fiber.Ctx) error {
	_, err := s.deps.Passerelle.RejectOffer(c.UserContext(), currentUser(c), c.Params("id"), c.FormValue("reason"))
	if err == nil {
		s.flash(c, "offer_rejected")
		return c.Redirect("/agents/moderation", fiber.StatusSeeOther)
	}
	data := fiber.Map{"Rejected": c.Params("id")}
	if !failed(c, data, err) {
		return err
	}
	return s.showModeration(c, data)
}
