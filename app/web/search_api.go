package web

import "html/template"

// searchJSON is the answer of GET /api/v1/search.
type searchJSON struct {
	Total   int      `json:"total"`
	Page    int      `json:"page"`
	Pages   int      `json:"pages"`
	Next    string   `json:"next,omitempty"`
	Relaxed []string `json:"relaxed,omitempty"` // what was loosened to find something
	// DidYouMean are closer texts from the index's own vocabulary.
	DidYouMean []string               `json:"did_you_mean,omitempty"`
	Hits       []hitJSON              `json:"hits"`
	Facets     map[string][]facetJSON `json:"facets"`
}

type hitJSON struct {
	ID           string        `json:"id"`
	URL          string        `json:"url"`
	Type         string        `json:"type"`
	Title        template.HTML `json:"title_html"`
	Snippet      template.HTML `json:"snippet_html"`
	Organisation string        `json:"organisation"`
	CommuneCode  string        `json:"commune_code"`
	Commune      string        `json:"commune"`
	DistanceKm   *float64      `json:"distance_km,omitempty"`
	ESS          bool          `json:"ess"`
	Tension      string        `json:"tension_family,omitempty"`
	Accessible   bool          `json:"accessible"`
}

type facetJSON struct {
	Value string `json:"value"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

func (v *searchView) api() searchJSON {
	out := searchJSON{Total: v.Total, Page: v.Page, Pages: v.Pages, Next: v.Next, Relaxed: v.Notes,
		Hits: []hitJSON{}, Facets: map[string][]facetJSON{}}
	for _, l := range v.DidYouMean {
		out.DidYouMean = append(out.DidYouMean, l.Label)
	}
	for _, h := range v.Hits {
		o := h.Offer
		out.Hits = append(out.Hits, hitJSON{ID: h.ID, URL: h.URL, Type: o.Type, Title: h.Title, Snippet: h.Snippet,
			Organisation: h.Organisation, CommuneCode: o.CommuneCode, Commune: h.Commune, DistanceKm: h.DistanceKm,
			ESS: o.ESS, Tension: o.TensionFamily, Accessible: o.Accessible})
	}
	for _, g := range v.Facets {
		list := []facetJSON{}
		for _, o := range g.Options {
			list = append(list, facetJSON{Value: o.Value, Label: o.Label, Count: o.Count})
		}
		out.Facets[g.Param] = list
	}
	return out
}
