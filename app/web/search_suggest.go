package web

import (
	"slices"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
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

// suggestROME is the kind of the offer form's job field.
const suggestROME = "rome"

// suggestKinds are the values of kind that openapi.json documents: a test
// compares the two, and any other value is refused rather than ignored.
var suggestKinds = []string{suggestROME}

func (s *Server) suggest(c *fiber.Ctx) error {
	q, kind := c.Query("q"), c.Query("kind")
	if kind != "" && !slices.Contains(suggestKinds, kind) {
		return domain.FieldError("kind", "error.suggest.kind")
	}
	out := suggestJSON{Jobs: []string{}, Communes: []string{}}
	if n := utf8.RuneCountInString(q); n < 2 || n > 60 {
		return c.JSON(out)
	}
	rome := kind == suggestROME
	for _, j := range refdata.SearchJobs(q, suggestLimit) {
		out.Jobs = append(out.Jobs, jobSuggestion(j, rome))
	}
	if rome {
		q = "" // the job field takes no commune
	}
	for _, cm := range refdata.SearchCommunes(q, suggestLimit) {
		out.Communes = append(out.Communes, cm.Name)
	}
	cacheable(c, "public, max-age=3600")
	return c.JSON(out)
}

func jobSuggestion(j refdata.Job, rome bool) string {
	if rome {
		return romeChoice(j)
	}
	return j.Label
}
