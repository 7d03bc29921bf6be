package web

import (
	"slices"

	"github.com/gofiber/fiber/v2"
)

// offerCandidates suggests to an employer, for one of their offers, the
// youths who opted in to be visible: first name, age band, commune and
// interests, never a contact detail.
func (s *Server) offerCandidates(c *fiber.Ctx) error {
	o, err := s.deps.Store.OfferByID(c.UserContext(), c.Params("id"))
	if err != nil {
		return err
	}
	if !slices.Contains(currentUser(c).OrganisationIDs, o.OrganisationID) {
		return errForbidden
	}
	candidates, err := s.deps.Recommendations.Candidates(c.UserContext(), o)
	if err != nil {
		return err
	}
	return s.render(c, "offer_candidates", fiber.Map{"Title": s.localizer(c).T("candidates.title", o.Title),
		"Offer": o, "Candidates": candidates})
}
