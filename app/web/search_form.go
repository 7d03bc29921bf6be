package web

import (
	"cmp"
	"errors"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
	"passerelle/app/refdata"
	"passerelle/search"
)

// searchForm is the search page's query string, shared by the page, the
// JSON API and the links that keep a search (pagination, relaxations).
type searchForm struct {
	Text       string
	Types      []string
	Tensions   []string
	Communes   []string
	ESS        bool
	Accessible bool
	Age        int
	Near       string // INSEE code of the commune to search around
	Radius     int    // km
	Sort       string
	Page       int
}

func readSearchForm(c *fiber.Ctx) (searchForm, error) {
	args := c.Context().QueryArgs()
	multi := func(name string) []string {
		var out []string
		for _, v := range args.PeekMulti(name) {
			if s := strings.TrimSpace(string(v)); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	f := searchForm{Text: strings.TrimSpace(c.Query("q")), Types: multi("type"), Tensions: multi("tension"),
		Communes: multi("commune"), ESS: c.Query("ess") != "", Accessible: c.Query("accessible") != "",
		Near: c.Query("near"), Sort: c.Query("sort")}
	var err error
	for _, n := range []struct {
		name string
		to   *int
	}{{"age", &f.Age}, {"radius", &f.Radius}, {"page", &f.Page}} {
		if *n.to, err = optionalInt(c.Query(n.name)); err != nil {
			return f, searchFieldError(n.name)
		}
	}
	return f, nil
}

func optionalInt(s string) (int, error) {
	if s = strings.TrimSpace(s); s == "" {
		return 0, nil
	}
	return strconv.Atoi(s)
}

// query turns the form into an engine query, or a field error.
func (f searchForm) query(perPage int) (search.Query, error) {
	q := search.Query{Text: f.Text, Types: f.Types, TensionFamilies: f.Tensions, CommuneCodes: f.Communes,
		Accessible: f.Accessible, Age: f.Age, RadiusKm: float64(f.Radius), Sort: search.Sort(f.Sort),
		Page: f.Page, PerPage: perPage, Facets: search.FilterFacets}
	if f.ESS {
		q.ESS = &f.ESS
	}
	if f.Near != "" {
		c, ok := refdata.CommuneByCode(f.Near)
		if !ok {
			return q, searchFieldError("near")
		}
		q.Near = &search.Point{Lat: c.Lat, Lng: c.Lng}
	}
	q, err := q.Normalize()
	var qerr *search.QueryError
	if errors.As(err, &qerr) {
		return q, searchFieldError(cmp.Or(formFieldOf[qerr.Field], "q"))
	}
	return q, err
}

// formFieldOf names the form field behind the query parameters the form sets.
var formFieldOf = map[string]string{"text": "q", "page": "page", "near": "near", "radius_km": "radius",
	"sort": "sort", "age": "age"}

// searchErrorKeys are the French messages shown next to each field.
var searchErrorKeys = map[string]string{
	"q":      "error.search.text",
	"page":   "error.search.page",
	"near":   "error.search.near",
	"radius": "error.search.radius",
	"sort":   "error.search.sort",
	"age":    "error.search.age",
}

func searchFieldError(field string) *domain.Error {
	return domain.FieldError(field, searchErrorKeys[field])
}
