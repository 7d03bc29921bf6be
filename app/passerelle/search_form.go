package passerelle

import (
	"cmp"
	"errors"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"passerelle/app/domain"
	"passerelle/app/refdata"
	"passerelle/search"
)

// SearchForm is the /offres query string, shared by the search page, the
// JSON API, the links that keep a search and the saved searches, which
// store it as text and read it back here: one parser for all.
type SearchForm struct {
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

// ParseSearchForm reads a query string. Malformed pairs are skipped, as the
// web server does for the page's own query string; a number that is not one
// is a field error.
func ParseSearchForm(raw string) (SearchForm, error) {
	values, _ := url.ParseQuery(raw) // keeps every well-formed pair
	multi := func(name string) []string {
		var out []string
		for _, v := range values[name] {
			if s := strings.TrimSpace(v); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	f := SearchForm{Text: strings.TrimSpace(values.Get("q")), Types: multi("type"), Tensions: multi("tension"),
		Communes: multi("commune"), ESS: values.Get("ess") != "", Accessible: values.Get("accessible") != "",
		Near: values.Get("near"), Sort: values.Get("sort")}
	var err error
	for _, n := range []struct {
		name string
		to   *int
	}{{"age", &f.Age}, {"radius", &f.Radius}, {"page", &f.Page}} {
		if *n.to, err = optionalInt(values.Get(n.name)); err != nil {
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

// Values encodes the form as a query string, leaving defaults out so that
// shared links stay short.
func (f SearchForm) Values() url.Values {
	v := url.Values{}
	set := func(name, value string) {
		if value != "" && value != "0" {
			v.Set(name, value)
		}
	}
	set("q", f.Text)
	v["type"], v["tension"], v["commune"] = f.Types, f.Tensions, f.Communes
	set("ess", flag(f.ESS))
	set("accessible", flag(f.Accessible))
	set("age", strconv.Itoa(f.Age))
	set("near", f.Near)
	set("radius", strconv.Itoa(f.Radius))
	set("sort", f.Sort)
	set("page", strconv.Itoa(f.Page))
	for name, list := range v {
		if len(list) == 0 {
			delete(v, name)
		}
	}
	return v
}

func flag(on bool) string {
	if on {
		return "1"
	}
	return ""
}

// Canonical is the search without its page, its lists sorted and without
// repeats, encoded: two ways of asking the same search give the same text.
func (f SearchForm) Canonical() string {
	f.Page = 0
	for _, list := range []*[]string{&f.Types, &f.Tensions, &f.Communes} {
		*list = slices.Compact(slices.Sorted(slices.Values(*list)))
	}
	return f.Values().Encode()
}

// URL is the search page's link for the form at a given page.
func (f SearchForm) URL(page int) string {
	f.Page = page
	if page == 1 {
		f.Page = 0
	}
	if q := f.Values().Encode(); q != "" {
		return "/offres?" + q
	}
	return "/offres"
}

// Query turns the form into an engine query, or a field error.
func (f SearchForm) Query(perPage int) (search.Query, error) {
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
