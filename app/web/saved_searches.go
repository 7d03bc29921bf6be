package web

import (
	"cmp"
	"errors"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
)

// saveSearchView is the search page's "save this search" form, shown to
// youths once the search has a criterion.
type saveSearchView struct {
	Action string // the form's address, which carries the search
	Name   string // proposed name: the search in a few words
	Error  *domain.Error
}

func (s *Server) saveSearchView(c *fiber.Ctx, l localizer, form searchForm, failure *domain.Error) *saveSearchView {
	u, query := currentUser(c), form.Canonical()
	if u == nil || !u.HasRole(domain.RoleYouth) || query == "" && failure == nil {
		return nil
	}
	name := strings.TrimSpace(c.FormValue("name"))
	return &saveSearchView{Action: "/offres/recherches?" + query, Name: cmp.Or(name, savedSearchName(l, form)), Error: failure}
}

// ErrorFor is the message to show next to a field of the form, or "".
func (v *saveSearchView) ErrorFor(l localizer, field string) string {
	if v.Error == nil || v.Error.Field != field {
		return ""
	}
	return l.T(v.Error.Message)
}

// maxDefaultName bounds the proposed name, which the youth may shorten.
const maxDefaultName = 80

// savedSearchName says a search in a few words, e.g. "Apprentissage ·
// boulangerie · Nanterre 10 km": what a saved search is called unless the
// youth names it.
func savedSearchName(l localizer, f searchForm) string {
	var parts []string
	for _, t := range f.Types {
		parts = append(parts, l.OfferType(domain.OfferType(t)))
	}
	parts = append(parts, f.Text)
	for _, t := range f.Tensions {
		parts = append(parts, l.Tension(t))
	}
	if f.ESS {
		parts = append(parts, l.T("search.filter.ess.yes"))
	}
	for _, code := range f.Communes {
		parts = append(parts, l.Commune(code))
	}
	if f.Near != "" {
		parts = append(parts, strings.TrimSpace(l.Commune(f.Near)+" "+radiusLabel(l, f.Radius)))
	}
	parts = append(parts, ageLabel(l, f.Age))
	parts = slices.DeleteFunc(parts, func(p string) bool { return strings.TrimSpace(p) == "" })
	name := strings.Join(parts, " · ")
	if utf8.RuneCountInString(name) > maxDefaultName {
		name = string([]rune(name)[:maxDefaultName-1]) + "…"
	}
	return cmp.Or(name, l.T("saved_search.default_name"))
}

func radiusLabel(l localizer, km int) string {
	if km <= 0 {
		return ""
	}
	return l.T("search.radius.km", km)
}

func ageLabel(l localizer, age int) string {
	if age <= 0 {
		return ""
	}
	return l.T("saved_search.age", age)
}

// saveSearch keeps the search of its query string for the youth, then
// shows it in their space; a refusal (limit, name) shows the search again
// with the message.
func (s *Server) saveSearch(c *fiber.Ctx) error {
	form, err := readSearchForm(c)
	if err == nil {
		name := cmp.Or(strings.TrimSpace(c.FormValue("name")), savedSearchName(s.localizer(c), form))
		if _, err = s.deps.Passerelle.SaveSearch(c.UserContext(), currentUser(c), name, form.Canonical()); err == nil {
			s.flash(c, "search_saved")
			return c.Redirect("/jeunes#mes-recherches", fiber.StatusSeeOther)
		}
	}
	var refused *domain.Error
	if !errors.As(err, &refused) || refused.Code == domain.EINTERNAL {
		return err
	}
	return s.showSearch(c, refused)
}

// deleteSavedSearch forgets one of the youth's saved searches.
func (s *Server) deleteSavedSearch(c *fiber.Ctx) error {
	if err := s.deps.Passerelle.DeleteSavedSearch(c.UserContext(), currentUser(c), c.Params("id")); err != nil {
		return err
	}
	return c.Redirect("/jeunes#mes-recherches", fiber.StatusSeeOther)
}

// followSavedSearch takes the checkbox that puts a saved search's new
// offers in the weekly digest.
func (s *Server) followSavedSearch(c *fiber.Ctx) error {
	on := c.FormValue("digest") != ""
	if err := s.deps.Passerelle.FollowSavedSearch(c.UserContext(), currentUser(c), c.Params("id"), on); err != nil {
		return err
	}
	return c.Redirect("/jeunes#mes-recherches", fiber.StatusSeeOther)
}
