package web

import (
	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
)

// applicationPage shows one application to its youth or to the employer:
// where it stands, the first message and the thread, with a form to write.
func (s *Server) applicationPage(c *fiber.Ctx) error {
	return s.showApplication(c, fiber.Map{"Sent": c.Query("envoye") == "1"})
}

func (s *Server) showApplication(c *fiber.Ctx, data fiber.Map) error {
	t, err := s.deps.Passerelle.ApplicationMessages(c.UserContext(), currentUser(c), c.Params("id"))
	if err != nil {
		return err
	}
	data["Title"] = s.localizer(c).T("passerelle.application.title", t.Application.OfferTitle)
	data["Thread"], data["Moves"] = t, domain.EmployerMoves
	return s.render(c, "passerelle_application", data)
}

// postMessageForm adds a message, then goes back to the page it came from;
// refused, the page shows again with the typed text and the reason.
func (s *Server) postMessageForm(c *fiber.Ctx) error {
	body := c.FormValue("body")
	m, err := s.deps.Passerelle.PostApplicationMessage(c.UserContext(), currentUser(c), c.Params("id"), body)
	if err != nil {
		data := fiber.Map{"Body": body}
		if !failed(c, data, err) {
			return err
		}
		return s.showApplication(c, data)
	}
	return c.Redirect(applicationPath(m.AuthorSide, m.ApplicationID)+"?envoye=1#messages", fiber.StatusSeeOther)
}

// applicationPath is the page of an application in the space of one side.
func applicationPath(side domain.MessageSide, id string) string {
	if side == domain.SideEmployer {
		return "/employeurs/candidatures/" + id
	}
	return "/jeunes/candidatures/" + id
}

func (s *Server) apiApplicationMessages(c *fiber.Ctx) error {
	return sendPageOf(c, func(r domain.PageRequest) (domain.Page[domain.ApplicationMessage], error) {
		return s.deps.Passerelle.ApplicationMessagesPage(c.UserContext(), currentUser(c), c.Params("id"), r)
	})
}

// apiPostMessage takes a JSON body {body}.
func (s *Server) apiPostMessage(c *fiber.Ctx) error {
	var r struct {
		Body string `json:"body"`
	}
	if err := decodeJSON(c, &r); err != nil {
		return err
	}
	m, err := s.deps.Passerelle.PostApplicationMessage(c.UserContext(), currentUser(c), c.Params("id"), r.Body)
	if err != nil {
		return err
	}
	return created(c, m)
}
