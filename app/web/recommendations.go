package web

import (
	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
	"passerelle/app/recommend"
)

// recommendFor ranks the published offers for the youth of the space page.
func (s *Server) recommendFor(c *fiber.Ctx, y *domain.Youth) ([]recommend.Recommendation, error) {
	if s.deps.Recommendations == nil {
		return nil, nil
	}
	return s.deps.Recommendations.ForYouth(c.UserContext(), y)
}
