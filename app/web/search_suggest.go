package web

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
	"passerelle/app/refdata"
	"passerelle/search"
)

// suggestLimit bounds each list of suggestions: a phone shows a few.
const suggestLimit = 6

// maxDeadEnds is how many jobs without an offer may be suggested, each
// marked as such and leading to an alert, when few jobs have offers.
const maxDeadEnds = 2

// suggestJSON is the answer of GET /api/v1/suggest?q=…, which completes the
// search box with jobs and communes, each with its number of offers and
// where it leads; with kind=rome, it completes the offer form's job with
// "code — label" only. Jobs and Communes are the suggestions' labels.
type suggestJSON struct {
	Jobs        []string         `json:"jobs"`
	Communes    []string         `json:"communes"`
	Suggestions []suggestionJSON `json:"suggestions,omitempty"`
}

// suggestionJSON is one suggestion of the search box: a job leads to its
// offers, a commune sets the commune filter; one without offers says so and
// leads to an alert.
type suggestionJSON struct {
	Kind   string `json:"kind"` // job or commune
	Label  string `json:"label"`
	Offers int    `json:"offers"`
	Note   string `json:"note"` // the count, or that there is no offer yet
	URL    string `json:"url"`
}

// suggestROME is the kind of the offer form's job field.
const suggestROME = "rome"

// suggestKinds are the values of kind that openapi.json documents: a test
// compares the two, and any other value is refused rather than ignored.
var suggestKinds = []string{suggestROME}

func (s *Server) suggest(c *fiber.Ctx) error {
	q, kind := strings.Clone(c.Query("q")), c.Query("kind")
	if kind != "" && !slices.Contains(suggestKinds, kind) {
		return domain.FieldError("kind", "error.suggest.kind")
	}
	out := suggestJSON{Jobs: []string{}, Communes: []string{}}
	if n := utf8.RuneCountInString(q); n < 2 || n > 60 {
		return c.JSON(out)
	}
	if kind == suggestROME {
		for _, j := range refdata.SearchJobs(q, suggestLimit) {
			out.Jobs = append(out.Jobs, romeChoice(j))
		}
		cacheable(c, "public, max-age=3600")
		return c.JSON(out)
	}
	counts, err := s.counts(c.UserContext())
	if err != nil {
		return errSearchUnavailable
	}
	l := s.localizer(c)
	out.Suggestions = append(jobSuggestions(l, q, counts[search.FacetROME]), communeSuggestions(l, q, counts[search.FacetCommune])...)
	for _, sg := range out.Suggestions {
		if sg.Kind == "job" {
			out.Jobs = append(out.Jobs, sg.Label)
		} else {
			out.Communes = append(out.Communes, sg.Label)
		}
	}
	cacheable(c, "public, max-age=60") // as long as the counts are kept
	return c.JSON(out)
}

// jobSuggestions are the jobs whose label starts with q's words or that
// the vocabulary names by q ("cuisto"), those with the most offers first;
// at most maxDeadEnds without an offer come last, marked.
func jobSuggestions(l localizer, q string, offers map[string]int) []suggestionJSON {
	jobs := refdata.SearchJobs(q, 0)
	for _, code := range search.JobsNamed(q) {
		for _, j := range refdata.SearchJobs(code, 0) { // a code prefix finds every job under it
			if !slices.ContainsFunc(jobs, func(k refdata.Job) bool { return k.Code == j.Code }) {
				jobs = append(jobs, j)
			}
		}
	}
	slices.SortStableFunc(jobs, func(a, b refdata.Job) int { return cmp.Compare(offers[b.Code], offers[a.Code]) })
	var out []suggestionJSON
	deadEnds := 0
	for _, j := range jobs {
		n := offers[j.Code]
		if len(out) == suggestLimit || n == 0 && deadEnds == maxDeadEnds {
			break
		}
		text := search.JobForms(j.Label)[0]
		sg := suggestionJSON{Kind: "job", Label: j.Label, Offers: n, URL: searchForm{Text: text}.URL(0)}
		sg.Note = offersNote(l, n)
		if n == 0 {
			deadEnds++
			sg.URL += "#save-search-title"
		}
		out = append(out, sg)
	}
	return out
}

// communeSuggestions are the communes whose name or postcode starts with q,
// each leading to the commune filter; those without offers are marked.
func communeSuggestions(l localizer, q string, offers map[string]int) []suggestionJSON {
	var out []suggestionJSON
	for _, cm := range refdata.SearchCommunes(q, suggestLimit) {
		n := offers[cm.Code]
		sg := suggestionJSON{Kind: "commune", Label: cm.Name, Offers: n, Note: offersNote(l, n),
			URL: searchForm{Communes: []string{cm.Code}}.URL(0)}
		if n == 0 {
			sg.URL += "#save-search-title"
		}
		out = append(out, sg)
	}
	return out
}

func offersNote(l localizer, n int) string {
	switch n {
	case 0:
		return l.T("search.suggest.none")
	case 1:
		return l.T("search.suggest.count.one")
	}
	return l.T("search.suggest.count", l.Number(n))
}
