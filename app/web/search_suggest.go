package web

import (
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/refdata"
)

// suggestLimit bounds each list of suggestions: a phone shows a few.
const suggestLimit = 6

// suggestJSON is the answer of GET /api/v1/suggest?q=…, which completes
// the search box with job titles and communes from the reference data.
type suggestJSON struct {
	Jobs     []string `json:"jobs"`
	Communes []string `json:"communes"`
}

func (s *Server) suggest(c *fiber.Ctx) error {
	q := c.Query("q")
	out := suggestJSON{Jobs: []string{}, Communes: []string{}}
	if n := utf8.RuneCountInString(q); n < 2 || n > 60 {
		return c.JSON(out)
	}
	for _, j := range refdata.SearchJobs(q, suggestLimit) {
		out.Jobs = append(out.Jobs, j.Label)
	}
	for _, cm := range refdata.SearchCommunes(q, suggestLimit) {
		out.Communes = append(out.Communes, cm.Name)
	}
	c.Set(fiber.HeaderCacheControl, "public, max-age=3600")
	return c.JSON(out)
}
