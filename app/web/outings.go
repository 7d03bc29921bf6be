package web

import (
	"github.com/gofiber/fiber/v2"

	"passerelle/app/outing"
)

// outingPage shows a booking's outing authorisations: who signed, the form
// to send more, the paper form and the roll.
func (s *Server) outingPage(c *fiber.Ctx) error {
	v, err := s.deps.Outings.Visit(c.UserContext(), currentUser(c), c.Params("id"))
	if err != nil {
		return err
	}
	return s.render(c, "outing", s.outingData(c, v, ""))
}

func (s *Server) outingData(c *fiber.Ctx, v *outing.Visit, typed string) fiber.Map {
	signed := 0
	for _, r := range v.Requests {
		if r.Signed() {
			signed++
		}
	}
	return fiber.Map{"Title": s.localizer(c).T("outing.title"), "Visit": v, "Typed": typed, "Signed": signed,
		"Open": s.deps.Now().Before(v.Session.StartsAt) && string(v.Booking.Status) == "confirmed"}
}

// requestOutings sends the authorisations to the guardians the counsellor
// entered; a wrong line sends none and shows the text again.
func (s *Server) requestOutings(c *fiber.Ctx) error {
	typed := c.FormValue("guardians")
	_, err := s.deps.Outings.Request(c.UserContext(), currentUser(c), c.Params("id"), typed)
	if err == nil {
		return c.Redirect("/autorisations/"+c.Params("id"), fiber.StatusSeeOther)
	}
	shown, verr := s.deps.Outings.Visit(c.UserContext(), currentUser(c), c.Params("id"))
	if verr != nil {
		return verr
	}
	return s.formFailed(c, "outing", s.outingData(c, shown, typed), err)
}

// outingPaperForm is the authorisation to print.
func (s *Server) outingPaperForm(c *fiber.Ctx) error {
	pdf, err := s.deps.Outings.PaperForm(c.UserContext(), currentUser(c), c.Params("id"))
	if err != nil {
		return err
	}
	return sendDownload(c, "autorisation-de-sortie.pdf", "application/pdf", pdf)
}

// outingRoll is the list of the pupils for the day of the visit.
func (s *Server) outingRoll(c *fiber.Ctx) error {
	pdf, err := s.deps.Outings.Roll(c.UserContext(), currentUser(c), c.Params("id"))
	if err != nil {
		return err
	}
	return sendDownload(c, "liste-des-eleves.pdf", "application/pdf", pdf)
}
