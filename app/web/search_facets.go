package web

import (
	"cmp"
	"slices"

	"passerelle/search"
)

// facetGroup is one filter of the page: checkboxes with their counts.
type facetGroup struct {
	Param, Legend string
	Options       []facetOption
}

type facetOption struct {
	Value, Label string
	Count        int
	Checked      bool
}

// facetGroups lists the filters in the page's order. Values the search uses
// are kept even when they count nothing, so that they can be unticked.
func (v *searchView) facetGroups(f searchForm, counts map[string]map[string]int) []facetGroup {
	return []facetGroup{
		v.listFacet("type", "search.filter.type", counts[search.FacetType], f.Types,
			func(s string) string { return v.L.T("offer.type." + s) }),
		v.listFacet("tension", "search.filter.tension", counts[search.FacetTensionFamily], f.Tensions, v.L.Tension),
		v.flagFacet("ess", "search.filter.ess", counts[search.FacetESS], f.ESS),
		v.flagFacet("accessible", "search.filter.accessible", counts[search.FacetAccessible], f.Accessible),
		v.listFacet("commune", "search.filter.commune", counts[search.FacetCommune], f.Communes, v.L.Commune),
	}
}

func (v *searchView) listFacet(param, legend string, counts map[string]int, checked []string,
	label func(string) string) facetGroup {
	g := facetGroup{Param: param, Legend: v.L.T(legend)}
	for value, n := range counts {
		g.Options = append(g.Options, facetOption{Value: value, Label: label(value), Count: n,
			Checked: slices.Contains(checked, value)})
	}
	for _, value := range checked {
		if _, counted := counts[value]; !counted {
			g.Options = append(g.Options, facetOption{Value: value, Label: label(value), Checked: true})
		}
	}
	slices.SortFunc(g.Options, func(a, b facetOption) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Label, b.Label))
	})
	return g
}

// flagFacet is a single checkbox counting the offers where the flag is true.
func (v *searchView) flagFacet(param, label string, counts map[string]int, checked bool) facetGroup {
	return facetGroup{Param: param, Legend: v.L.T(label), Options: []facetOption{
		{Value: "1", Label: v.L.T(label + ".yes"), Count: counts["true"], Checked: checked}}}
}
