package embedded

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"passerelle/search"
)

// document is an offer as Bleve indexes it. Empty values are left out, so
// that filters never match them and facets do not count them.
func document(o search.Offer) (map[string]any, error) {
	source, err := json.Marshal(o)
	if err != nil {
		return nil, fmt.Errorf("embedded: encode offer %s: %w", o.ID, err)
	}
	labels := append([]string{o.Subdomain}, o.ROMELabels...)
	other := []string{o.OrganisationName, o.CommuneName}
	terms := search.OfferTerms(o)
	doc := map[string]any{
		fieldTitle: o.Title, fieldDescription: o.Description,
		fieldLabels: strings.Join(labels, " · "), fieldOther: strings.Join(other, " · "),
		fieldTermsText:  strings.Join(terms, " · "),
		fieldPlain:      strings.Join(slices.Concat([]string{o.Title, o.Description}, labels, other, terms), " · "),
		search.FacetESS: o.ESS, search.FacetAccessible: o.Accessible,
		search.FacetRemote: o.Remote, fieldAgeMin: o.AgeMin, fieldAgeMax: o.AgeMax,
		fieldSource: string(source),
	}
	for _, w := range weights {
		if members := finder().members(doc[w.field].(string)); members != "" {
			doc[memberFields[w.field]] = members
		}
	}
	for field, value := range map[string]string{search.FacetType: o.Type, search.FacetSubdomain: o.Subdomain,
		search.FacetTensionFamily: o.TensionFamily, search.FacetCommune: o.CommuneCode} {
		if value != "" {
			doc[field] = value
		}
	}
	for field, values := range map[string][]string{search.FacetROME: o.ROMECodes, search.FacetTerms: terms} {
		if len(values) > 0 {
			doc[field] = values
		}
	}
	for field, t := range map[string]time.Time{fieldStart: o.StartDate} {
		if !t.IsZero() {
			doc[field] = t
		}
	}
	return doc, nil
}

func offer(source any) (search.Offer, error) {
	var o search.Offer
	text, ok := source.(string)
	if !ok {
		return o, fmt.Errorf("embedded: hit without its source")
	}
	if err := json.Unmarshal([]byte(text), &o); err != nil {
		return o, fmt.Errorf("embedded: decode offer: %w", err)
	}
	return o, nil
}
