package web

import (
	"context"
	"errors"
	"html/template"
	"log/slog"
	"net/url"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
	"passerelle/search"
)

// searchPerPage is the number of offers on a page of results.
const searchPerPage = 20

// searchOutcome is what one search request found, for the page or the API.
type searchOutcome struct {
	Form      searchForm
	Result    *search.Result
	Recovered *recovered // set when the search found nothing and a looser one did
	// DidYouMean are texts close to the search's, from the index's own
	// vocabulary, when it found few offers.
	DidYouMean []string
	// Counts are the index's counts, for the next steps of a search that
	// found nothing.
	Counts map[string]map[string]int
}

// errSearchUnavailable is what the API answers while the engine is down.
var errSearchUnavailable = &domain.Error{Code: domain.EUNAVAILABLE, Message: "error.search.unavailable"}

// runSearch reads the query string, asks the engine, and when nothing is
// found on the first page, tries looser searches.
func (s *Server) runSearch(ctx context.Context, c *fiber.Ctx) (*searchOutcome, error) {
	form, err := readSearchForm(c)
	out := &searchOutcome{Form: form}
	if err != nil {
		return out, err
	}
	q, err := form.Query(searchPerPage)
	if err != nil {
		return out, err
	}
	if s.deps.Search == nil {
		return out, search.ErrUnavailable
	}
	if out.Result, err = s.deps.Search.Search(ctx, q); err == nil && out.Result.Total == 0 && q.Page == 1 {
		out.Recovered, err = s.recover(ctx, form, q)
	}
	if err == nil && out.Result.Total < search.FewHits && q.Page == 1 && search.HasWords(q.Text) {
		out.DidYouMean, err = s.didYouMean(ctx, q.Text)
	}
	if err == nil && out.Result.Total == 0 && q.Page == 1 {
		out.Counts, err = s.counts(ctx)
	}
	if errors.Is(err, search.ErrUnavailable) {
		s.deps.Logger.Warn("search unavailable", slog.Any("error", err))
	}
	return out, err
}

// searchPage serves /offres. Bad input and an engine outage still show the
// page, with the form, and say what went wrong.
func (s *Server) searchPage(c *fiber.Ctx) error {
	return s.showSearch(c, nil)
}

// showSearch serves the search page, with the refusal of saving the
// search, if any, next to the save form.
func (s *Server) showSearch(c *fiber.Ctx, saveRefused *domain.Error) error {
	key := searchKey(c)
	if saveRefused != nil {
		key = "" // a refusal shows the save form whatever the search: keep nothing
	}
	results, writes, kept := s.searchFragments.get(key)
	out, err := &searchOutcome{}, error(nil)
	if kept { // only a search that went well is kept: its form reads
		out.Form, err = readSearchForm(c)
	} else {
		out, err = s.runSearch(c.UserContext(), c)
	}
	var invalid *domain.Error
	switch {
	case errors.Is(err, search.ErrUnavailable):
		c.Status(fiber.StatusServiceUnavailable)
	case errors.As(err, &invalid) && invalid.Code == domain.EINVALID:
		c.Status(fiber.StatusUnprocessableEntity)
	case err != nil:
		return err
	}
	view := s.newSearchView(c, out)
	view.Unavailable = errors.Is(err, search.ErrUnavailable)
	view.Invalid = invalid
	if view.Save = s.saveSearchView(c, view.L, out.Form, saveRefused); saveRefused != nil {
		c.Status(statusOf[saveRefused.Code])
	}
	if out.Counts != nil {
		view.Steps = view.nextSteps(out.Counts, view.Save)
	}
	if !kept {
		if results, err = s.layOutResults(view, key, writes); err != nil {
			return err
		}
	}
	view.Results = results
	view.Events = s.upcomingEventsFor(c, out.Form)
	if len(c.Request().URI().QueryString()) == 0 {
		if view.Mine, err = s.profileSearch(c, view.L); err != nil {
			return err
		}
	}
	return s.render(c, "search", fiber.Map{"Title": view.L.T("search.title"), "Search": view})
}

// layOutResults renders the filters and results of view, and keeps them
// for the next request of the same query when they depend on it alone.
func (s *Server) layOutResults(view *searchView, key string, writes uint64) (template.HTML, error) {
	results, err := s.renderFragment("search", "searchlayout", fiber.Map{"L": view.L, "V": view})
	if err == nil && !view.Unavailable && view.Invalid == nil {
		s.searchFragments.put(key, writes, results)
	}
	return results, err
}

// profileSearch is, for a youth opening the search page bare, the same
// search around their commune and open to their age: the search boxes of
// the home page and the youth space offer it ticked, this page as a link,
// so that « everything » stays one click away.
func (s *Server) profileSearch(c *fiber.Ctx, l localizer) (*link, error) {
	y, err := s.youthProfileOf(c)
	if err != nil || y == nil {
		return nil, err
	}
	q, words := url.Values{}, []string{}
	if y.CommuneCode != "" {
		q.Set("near", y.CommuneCode)
		words = append(words, l.T("searchbox.near", l.Commune(y.CommuneCode)))
	}
	if !y.BirthDate.IsZero() {
		age := y.Age(s.deps.Now())
		q.Set("age", strconv.Itoa(age))
		words = append(words, l.T("searchbox.age", age))
	}
	if len(words) == 0 {
		return nil, nil
	}
	return &link{Label: strings.Join(words, " · "), URL: "/offres?" + q.Encode()}, nil
}

// searchAPI serves GET /api/v1/search with the page's parameters.
func (s *Server) searchAPI(c *fiber.Ctx) error {
	out, err := s.runSearch(c.UserContext(), c)
	if errors.Is(err, search.ErrUnavailable) {
		return errSearchUnavailable
	}
	if err != nil {
		return err
	}
	return c.JSON(s.newSearchView(c, out).api())
}
