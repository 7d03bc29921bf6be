package searchtest

import (
	"maps"
	"slices"
	"strconv"
	"testing"

	"passerelle/search"
	"passerelle/search/sample"
)

var yes, no = true, false

// filterCases pair a query with the rule an offer must follow to match it.
var filterCases = []struct {
	name  string
	query search.Query
	keep  func(search.Offer) bool
}{
	{"type", search.Query{Types: []string{"visit", "internship_3e"}},
		func(o search.Offer) bool { return o.Type == "visit" || o.Type == "internship_3e" }},
	{"sub-domain", search.Query{Subdomains: []string{"Petite enfance"}},
		func(o search.Offer) bool { return o.Subdomain == "Petite enfance" }},
	{"tension family", search.Query{TensionFamilies: []string{"informatique", "metiers_de_bouche"}},
		func(o search.Offer) bool {
			return o.TensionFamily == "informatique" || o.TensionFamily == "metiers_de_bouche"
		}},
	{"ESS", search.Query{ESS: &yes}, func(o search.Offer) bool { return o.ESS }},
	{"not ESS", search.Query{ESS: &no}, func(o search.Offer) bool { return !o.ESS }},
	{"commune", search.Query{CommuneCodes: []string{sample.NanterreCode, sample.AntonyCode}},
		func(o search.Offer) bool {
			return o.CommuneCode == sample.NanterreCode || o.CommuneCode == sample.AntonyCode
		}},
	{"age 14", search.Query{Age: 14}, func(o search.Offer) bool { return o.AgeMin <= 14 && 14 <= o.AgeMax }},
	{"age 17", search.Query{Age: 17}, func(o search.Offer) bool { return o.AgeMin <= 17 && 17 <= o.AgeMax }},
	{"age 25", search.Query{Age: 25}, func(o search.Offer) bool { return o.AgeMin <= 25 && 25 <= o.AgeMax }},
	{"start window, bounds included", search.Query{StartFrom: sample.Epoch.AddDate(0, 0, 10), StartTo: sample.Epoch.AddDate(0, 0, 30)},
		func(o search.Offer) bool { return inWindow(o, 10, 30) }},
	{"start from", search.Query{StartFrom: sample.Epoch.AddDate(0, 0, 60)}, func(o search.Offer) bool { return inWindow(o, 60, 1000) }},
	{"accessible", search.Query{Accessible: true}, func(o search.Offer) bool { return o.Accessible }},
	{"remote", search.Query{Remote: true}, func(o search.Offer) bool { return o.Remote }},
	{"combined", search.Query{Types: []string{"apprenticeship"}, Age: 16, ESS: &no},
		func(o search.Offer) bool { return o.Type == "apprenticeship" && o.AgeMin <= 16 && !o.ESS }},
	{"text and filter", search.Query{Text: "boulangerie", Accessible: true, Sort: search.SortNewest},
		func(o search.Offer) bool { return o.Accessible && (o.ID == "o02" || o.ID == "o04") }},
}

func inWindow(o search.Offer, fromDay, toDay int) bool {
	return !o.StartDate.Before(sample.Epoch.AddDate(0, 0, fromDay)) && !o.StartDate.After(sample.Epoch.AddDate(0, 0, toDay))
}

func testFilters(t *testing.T, e search.Engine) {
	for _, c := range filterCases {
		q := c.query
		q.PerPage = search.MaxPerPage
		res := find(t, e, q)
		want := expected(c.keep)
		if got := ids(res); !slices.Equal(got, want) || res.Total != len(want) {
			t.Errorf("%s: got %v (total %d), want %v", c.name, got, res.Total, want)
		}
	}
}

func testFacets(t *testing.T, e search.Engine) {
	for _, ess := range []*bool{nil, &yes} {
		res := find(t, e, search.Query{ESS: ess, Facets: search.Facets})
		want := facetCounts(func(o search.Offer) bool { return ess == nil || o.ESS == *ess })
		for _, name := range search.Facets {
			if !maps.Equal(res.Facets[name], want[name]) {
				t.Errorf("facet %s with ESS %v: got %v, want %v", name, ess, res.Facets[name], want[name])
			}
		}
	}
	if res := find(t, e, search.Query{Text: "boulanger"}); len(res.Facets) != 0 {
		t.Errorf("facets %v returned when none was asked for", res.Facets)
	}
}

// facetCounts counts the kept fixtures by facet value, leaving out empty
// values, which the engines do not count.
func facetCounts(keep func(search.Offer) bool) map[string]map[string]int {
	counts := map[string]map[string]int{}
	for _, name := range search.Facets {
		counts[name] = map[string]int{}
	}
	for _, o := range sample.Offers() {
		if !keep(o) {
			continue
		}
		for name, value := range map[string]string{search.FacetType: o.Type, search.FacetSubdomain: o.Subdomain,
			search.FacetTensionFamily: o.TensionFamily, search.FacetCommune: o.CommuneCode,
			search.FacetESS: strconv.FormatBool(o.ESS), search.FacetAccessible: strconv.FormatBool(o.Accessible),
			search.FacetRemote: strconv.FormatBool(o.Remote)} {
			if value != "" {
				counts[name][value]++
			}
		}
		for name, values := range map[string][]string{search.FacetROME: o.ROMECodes, search.FacetTerms: search.OfferTerms(o)} {
			for _, value := range values {
				counts[name][value]++
			}
		}
	}
	return counts
}
