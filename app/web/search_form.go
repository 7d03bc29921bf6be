package web

import (
	"github.com/gofiber/fiber/v2"

	"passerelle/app/passerelle"
)

// searchForm is the search page's query string (see passerelle.SearchForm,
// which saved searches read back too).
type searchForm = passerelle.SearchForm

func readSearchForm(c *fiber.Ctx) (searchForm, error) {
	return passerelle.ParseSearchForm(string(c.Request().URI().QueryString()))
}
