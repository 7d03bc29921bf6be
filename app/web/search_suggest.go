package web

import (
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/refdata"
)

// suggestLimit bounds each list of suggestions: a phone shows a few.
const suggestLimit = 6

// suggestJSON is the answer of GET /api/v1/suggest?q=…, which completes
// the search box with job titles and communes from the reference data;
// with kind=rome, it completes the offer form's job with "code — label" only.
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
	rome := c.Query("kind") == "rome"
	for _, j := range refdata.SearchJobs(q, suggestLimit) {
		out.Jobs = append(out.Jobs, jobSuggestion(j, rome))
	}
	if rome {
		q = "" // the job field takes no commune
	}
	for _, cm := range refdata.SearchCommunes(q, suggestLimit) {
		out.Communes = append(out.Communes, cm.Name)
	}
	c.Set(fiber.HeaderCacheControl, "public, max-age=3600")
	return c.JSON(out)
}

func jobSuggestion(j refdata.Job, rome bool) string {
	if rome {
		return romeChoice(j)
	}
	return j.Label
}
