package web

import (
	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
)

// overview is what the home page shows of the platform's life.
type overview struct {
	Offers []domain.Offer
	Visits []domain.SessionWithOffer
	Calls  []domain.Call
	Counts domain.Counts
}

func (s *Server) home(c *fiber.Ctx) error {
	o, err := s.overviewFor(c.UserContext(), homeShowcase)
	if err != nil {
		return err
	}
	return s.render(c, "home", fiber.Map{"Title": "", "Overview": o, "Now": s.deps.Now()})
}
