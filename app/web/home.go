package web

import (
	"github.com/gofiber/fiber/v2"
	"golang.org/x/sync/errgroup"

	"passerelle/app/domain"
)

// overview is what the home page shows of the platform's life.
type overview struct {
	Offers []domain.Offer
	Visits []domain.SessionWithOffer
	Calls  []domain.Call
	Counts domain.Counts
}

// loadOverview runs the home page's few queries concurrently.
func (s *Server) loadOverview(c *fiber.Ctx, shown showcase) (*overview, error) {
	ctx, now := c.UserContext(), s.deps.Now()
	var o overview
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() (err error) { o.Offers, err = s.deps.Store.LatestPublishedOffers(ctx, shown.offers); return })
	g.Go(func() (err error) { o.Visits, err = s.deps.Store.UpcomingSessions(ctx, now, shown.visits); return })
	g.Go(func() (err error) { o.Calls, err = s.deps.Store.OpenCalls(ctx, now); return })
	g.Go(func() (err error) { o.Counts, err = s.deps.Store.Counts(ctx, now); return })
	return &o, g.Wait()
}

func (s *Server) home(c *fiber.Ctx) error {
	o, err := s.loadOverview(c, homeShowcase)
	if err != nil {
		return err
	}
	return s.render(c, "home", fiber.Map{"Title": "", "Overview": o, "Now": s.deps.Now()})
}
