package web

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
	"passerelle/app/passerelle"
)

// apiFavourites lists the published offers the youth saved, the newest
// saved first, a page at a time.
func (s *Server) apiFavourites(c *fiber.Ctx) error {
	return sendPageOf(c, func(r domain.PageRequest) (domain.Page[domain.Offer], error) {
		return s.deps.Passerelle.FavouriteOffersPage(c.UserContext(), currentUser(c), r)
	})
}

// apiSaveFavourite (PUT) and apiRemoveFavourite (DELETE) are idempotent, as
// their methods promise: saving twice or removing an offer never saved
// answers 204 too.
func (s *Server) apiSaveFavourite(c *fiber.Ctx) error {
	return noContent(c, s.deps.Passerelle.SaveFavourite(c.UserContext(), currentUser(c), c.Params("offerID")))
}

func (s *Server) apiRemoveFavourite(c *fiber.Ctx) error {
	return noContent(c, s.deps.Passerelle.RemoveFavourite(c.UserContext(), currentUser(c), c.Params("offerID")))
}

func noContent(c *fiber.Ctx, err error) error {
	if err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// followedYouthJSON is what the API shows a counsellor of a youth who chose
// their structure: what the page shows, no contact detail, no id.
type followedYouthJSON struct {
	FirstName          string                  `json:"first_name"`
	Age                int                     `json:"age"`
	Level              string                  `json:"level,omitempty"`
	SharesApplications bool                    `json:"shares_applications"`
	Applications       []sharedApplicationJSON `json:"applications"` // empty unless the youth shares them
}

// sharedApplicationJSON is an application a youth shares with their
// structure: the offer and where it stands, not the message to the employer.
type sharedApplicationJSON struct {
	OfferID    string    `json:"offer_id"`
	OfferTitle string    `json:"offer_title"`
	Status     string    `json:"status"`
	CreatedAt  time.Time `json:"created_at"`
}

// apiFollowedYouths lists the youths linked to the counsellor's structures,
// with the applications of those who share them, a page at a time.
func (s *Server) apiFollowedYouths(c *fiber.Ctx) error {
	return sendPageOf(c, func(r domain.PageRequest) (domain.Page[followedYouthJSON], error) {
		followed, err := s.deps.Passerelle.FollowedYouthsPage(c.UserContext(), currentUser(c), r)
		out := make([]followedYouthJSON, len(followed.Items))
		for i, y := range followed.Items {
			out[i] = followedYouthOf(y)
		}
		return domain.WithItems(followed, out), err
	})
}

func followedYouthOf(y passerelle.FollowedYouth) followedYouthJSON {
	out := followedYouthJSON{FirstName: y.FirstName, Age: y.Age, Level: y.Level, SharesApplications: y.Shares,
		Applications: make([]sharedApplicationJSON, len(y.Applications))}
	for i, a := range y.Applications {
		out.Applications[i] = sharedApplicationJSON{OfferID: a.OfferID, OfferTitle: a.OfferTitle, Status: string(a.Status), CreatedAt: a.CreatedAt}
	}
	return out
}
