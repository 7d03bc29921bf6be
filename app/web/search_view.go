package web

import (
	"cmp"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
	"passerelle/app/refdata"
	"passerelle/search"
)

// searchView is the search page's model, built in Go so that the template
// only lays it out.
type searchView struct {
	L           localizer
	Form        searchForm
	Total       int
	Hits        []hitView
	Facets      []facetGroup
	Notes       []string // what was relaxed to find something
	DidYouMean  []link
	Steps       *nextSteps // set when the search found nothing
	Page, Pages int
	Prev, Next  string // links to the neighbour pages, "" at the ends
	Unavailable bool
	Invalid     *domain.Error
	Save        *saveSearchView // nil unless a youth may save the search
	Communes    []refdata.Commune
	Radii       []int
	Sorts       []search.Sort
	Events      []domain.Event // « Événements à venir » matching the query's communes and words
	Mine        *link          // a youth's search from their profile, offered on the bare page
	// Results are the filters and results laid out, kept by searchFragments.
	Results template.HTML
}

type hitView struct {
	ID, URL, Type, Organisation, Commune, Distance string
	Title, Snippet                                 template.HTML
	DistanceKm                                     *float64
	Offer                                          search.Offer
}

func (s *Server) newSearchView(c *fiber.Ctx, out *searchOutcome) *searchView {
	v := &searchView{L: s.localizer(c), Form: out.Form,
		Communes: communesByName(), Radii: radiusSteps,
		Sorts: []search.Sort{search.SortRelevance, search.SortDistance, search.SortStartDate, search.SortNewest}}
	form, res := out.Form, out.Result
	if out.Recovered != nil {
		form, res = out.Recovered.Form, out.Recovered.Result
		for _, n := range out.Recovered.Notes {
			v.Notes = append(v.Notes, v.L.T(n.Key, v.translatedArgs(n.Args)...))
		}
	}
	v.DidYouMean = v.didYouMeanLinks(out.DidYouMean)
	if res == nil {
		return v
	}
	v.Total, v.Page = res.Total, res.Page
	v.Pages = min((res.Total+res.PerPage-1)/res.PerPage, search.MaxDepth/res.PerPage)
	if v.Page > 1 {
		v.Prev = form.URL(v.Page - 1)
	}
	if out.Recovered != nil && out.Recovered.Unpaged {
		v.Pages = 1
	}
	if v.Page < v.Pages {
		v.Next = form.URL(v.Page + 1)
	}
	for _, h := range res.Hits {
		v.Hits = append(v.Hits, v.hit(h))
	}
	v.Facets = v.facetGroups(form, res.Facets)
	return v
}

// translatedArgs translates the arguments that are catalog keys (filter
// names) and keeps the others (radii).
func (v *searchView) translatedArgs(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch a := a.(type) {
		case string:
			out[i] = v.L.T(a)
		case literal:
			out[i] = string(a)
		case familyArg:
			out[i] = v.L.Tension(string(a))
		default:
			out[i] = a
		}
	}
	return out
}

func (v *searchView) hit(h search.Hit) hitView {
	o := h.Offer
	view := hitView{ID: o.ID, URL: "/offres/" + o.ID, Type: v.L.OfferType(domain.OfferType(o.Type)),
		Organisation: o.OrganisationName, Commune: v.L.Commune(o.CommuneCode), Title: h.Title,
		Snippet: h.Snippet, DistanceKm: h.DistanceKm, Offer: o}
	if h.DistanceKm != nil {
		view.Distance = v.L.T("search.distance", decimal(v.L.Locale(), *h.DistanceKm))
	}
	return view
}

// decimal writes a distance with one decimal, with a comma in French.
func decimal(locale string, km float64) string {
	s := strconv.FormatFloat(km, 'f', 1, 64)
	if locale == "fr" {
		return strings.Replace(s, ".", ",", 1)
	}
	return s
}

var communesByName = sync.OnceValue(func() []refdata.Commune {
	communes := refdata.Communes()
	slices.SortFunc(communes, func(a, b refdata.Commune) int { return cmp.Compare(refdata.Fold(a.Name), refdata.Fold(b.Name)) })
	return communes
})

// ErrorFor is the message to show next to a form field, or "".
func (v *searchView) ErrorFor(field string) string {
	if v.Invalid == nil || v.Invalid.Field != field {
		return ""
	}
	return v.L.T(v.Invalid.Message)
}

// Count says how many offers were found.
func (v *searchView) Count() string {
	if v.Total == 1 {
		return v.L.T("search.count.one")
	}
	return v.L.T("search.count", v.L.Number(v.Total))
}
