package web

import (
	"context"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
	"passerelle/app/passerelle"
)

// favouriteAction saves or forgets the offer for the youth, then shows the
// offer again with the flash message done.
func (s *Server) favouriteAction(act func(*passerelle.Service, context.Context, *domain.User, string) error, done string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if err := act(s.deps.Passerelle, c.UserContext(), currentUser(c), c.Params("id")); err != nil {
			return err
		}
		s.flash(c, done)
		return c.Redirect("/offres/"+c.Params("id"), fiber.StatusSeeOther)
	}
}

// isFavourite tells the offer page whether a signed-in youth saved the offer.
func (s *Server) isFavourite(c *fiber.Ctx, offerID string) (bool, error) {
	u := currentUser(c)
	if u == nil || !u.HasRole(domain.RoleYouth) {
		return false, nil
	}
	return s.deps.Passerelle.IsFavourite(c.UserContext(), u, offerID)
}
