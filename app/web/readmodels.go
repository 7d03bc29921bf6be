package web

import (
	"context"
	"slices"
	"time"

	"golang.org/x/sync/errgroup"

	"passerelle/app/domain"
	"passerelle/app/observatory"
	"passerelle/app/progress"
	"passerelle/app/readmodel"
)

// overviewMaxAge bounds what writes alone do not change in the overview:
// sessions that start and calls that open or close as time passes.
const overviewMaxAge = time.Minute

// keptPages bounds the offer, call and laureates pages kept, each: above the
// offers of a whole département (about 6 000).
const keptPages = 20_000

// readModels are the public pages' data, kept in memory between requests
// (package readmodel): the overview of the home page and the spaces (with
// the figures), the offer pages, the employers' public pages, the
// testimonies of the discovery pages, the structures a youth may choose,
// the call pages and the laureates.
// Per-person data is read from the database on each request.
type readModels struct {
	overview          *readmodel.Model[*overview]
	offers            *readmodel.Keyed[*domain.Offer]
	organisations     *readmodel.Keyed[*publicPage]
	familyTestimonies *readmodel.Keyed[[]domain.Testimony]
	structures        *readmodel.Model[[]domain.Organisation]
	calls             *readmodel.Keyed[*domain.Call]
	laureates         *readmodel.Keyed[callLaureates]
	publishedLaureate *readmodel.Model[[]progress.Laureate]
	observatory       *readmodel.Model[*observatory.Figures]
	openOffers        *readmodel.Model[[]openOffer]
	upcomingEvents    *readmodel.Model[[]domain.Event]
}

// callLaureates is the public page of one call's laureates.
type callLaureates struct {
	call *domain.Call
	list []progress.Laureate
}

// mostShown is the largest showcase: the overview is read once for all.
var mostShown = showcase{offers: max(homeShowcase.offers, youthShowcase.offers),
	visits: max(homeShowcase.visits, counsellorShowcase.visits)}

func (s *Server) newReadModels() readModels {
	st, now := s.deps.Store, s.deps.Now
	from := func(maxAge time.Duration, sources ...string) readmodel.Config {
		return readmodel.Config{Changes: st, Sources: sources, MaxAge: maxAge, Now: now}
	}
	laureateSources := []string{readmodel.Calls, readmodel.Awards, readmodel.Grants}
	m := readModels{
		overview: readmodel.New(from(overviewMaxAge, readmodel.Offers, readmodel.Sessions, readmodel.Calls,
			readmodel.Organisations, readmodel.Youths, readmodel.Testimonies), s.readOverview),
		offers: readmodel.NewKeyed(from(0, readmodel.Offers), keptPages, st.OfferByID),
		organisations: readmodel.NewKeyed(from(0, readmodel.Organisations, readmodel.Offers, readmodel.Testimonies),
			keptPages, s.readPublicPage),
		structures: readmodel.New(from(0, readmodel.Organisations), s.deps.People.Structures),
		familyTestimonies: readmodel.NewKeyed(from(0, readmodel.Testimonies), keptPages,
			func(ctx context.Context, family string) ([]domain.Testimony, error) {
				return s.deps.People.PublishedTestimonies(ctx, "", family, discoverShown)
			}),
		// Computed once from every programme's collections, and again after a
		// write to one of them: the page, the CSV and the API read the same.
		observatory: readmodel.New(from(observatoryMaxAge, readmodel.Offers, readmodel.Sessions, readmodel.Bookings,
			readmodel.Applications, readmodel.Calls, readmodel.Grants, readmodel.Awards),
			func(ctx context.Context) (*observatory.Figures, error) { return observatory.Load(ctx, st, now()) }),
		openOffers: readmodel.New(from(0, readmodel.Offers), s.readOpenOffers),
	}
	if e := s.deps.Events; e != nil {
		// Events end as time passes: the age bounds what the writes alone do not change.
		m.upcomingEvents = readmodel.New(from(overviewMaxAge, readmodel.Events), e.Upcoming)
	}
	if p := s.deps.Progress; p != nil {
		m.calls = readmodel.NewKeyed(from(0, readmodel.Calls), keptPages, p.Call)
		m.laureates = readmodel.NewKeyed(from(0, laureateSources...), keptPages,
			func(ctx context.Context, callID string) (callLaureates, error) {
				call, list, err := p.Laureates(ctx, callID)
				return callLaureates{call, list}, err
			})
		m.publishedLaureate = readmodel.New(from(0, laureateSources...), p.PublishedLaureates)
	}
	return m
}

// readOverview runs the overview's few queries concurrently, for the
// largest showcase.
func (s *Server) readOverview(ctx context.Context) (*overview, error) {
	now := s.deps.Now()
	var o overview
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() (err error) { o.Offers, err = s.deps.Store.LatestPublishedOffers(ctx, mostShown.offers); return })
	g.Go(func() (err error) { o.Visits, err = s.deps.Store.UpcomingSessions(ctx, now, mostShown.visits); return })
	g.Go(func() (err error) { o.Calls, err = s.deps.Store.OpenCalls(ctx, now); return })
	g.Go(func() (err error) { o.Counts, err = s.deps.Store.Counts(ctx, now); return })
	return &o, g.Wait()
}

// overviewFor is what a page shows of the kept overview: shown's share of
// it, without the sessions that started since it was read. The kept value
// is shared by all requests: it is sliced, never changed.
func (s *Server) overviewFor(ctx context.Context, shown showcase) (*overview, error) {
	kept, err := s.readModels.overview.Get(ctx)
	if err != nil {
		return nil, err
	}
	now := s.deps.Now()
	o := *kept
	o.Offers = o.Offers[:min(shown.offers, len(o.Offers))]
	o.Visits = slices.DeleteFunc(slices.Clone(o.Visits), func(v domain.SessionWithOffer) bool { return v.StartsAt.Before(now) })
	o.Visits = o.Visits[:min(shown.visits, len(o.Visits))]
	return &o, nil
}

// laureateExamples returns the published PROGR'ESS laureates, for the ESS page.
func (s *Server) laureateExamples(ctx context.Context) ([]progress.Laureate, error) {
	if s.readModels.publishedLaureate == nil {
		return nil, nil
	}
	return s.readModels.publishedLaureate.Get(ctx)
}
