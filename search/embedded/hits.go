package embedded

import (
	"html/template"
	"strings"

	bsearch "github.com/blevesearch/bleve/v2/search"

	"passerelle/search"
)

// hits returns the offers of the matches with the fragments highlight found
// in them, by ID.
func hits(matches bsearch.DocumentMatchCollection, fragments map[string]bsearch.FieldFragmentMap) ([]search.Hit, error) {
	out := make([]search.Hit, len(matches))
	for i, m := range matches {
		o, err := offer(m.Fields[fieldSource])
		if err != nil {
			return nil, err
		}
		found := fragments[m.ID]
		out[i] = search.Hit{Offer: o, Title: highlighted(found, fieldTitle, o.Title), Snippet: highlighted(found, fieldDescription, o.Description)}
		if len(found[fieldDescription]) == 0 {
			out[i].Snippet = search.Excerpt(o.Description)
		}
	}
	return out, nil
}

// highlighted returns Bleve's fragments, already escaped with <mark>
// around matches, or the escaped text when nothing matched in it.
func highlighted(found bsearch.FieldFragmentMap, field, text string) template.HTML {
	fragments := found[field]
	if len(fragments) == 0 {
		return search.Marked(text)
	}
	return template.HTML(strings.Join(fragments, " ")) // escaped by Bleve's html formatter
}

// bleveBools are the terms Bleve indexes booleans as.
var bleveBools = map[string]string{"T": "true", "F": "false"}

func facets(results bsearch.FacetResults, asked []string) map[string]map[string]int {
	if len(asked) == 0 {
		return nil
	}
	out := make(map[string]map[string]int, len(asked))
	for _, name := range asked {
		counts := map[string]int{}
		for _, term := range results[name].Terms.Terms() {
			value := term.Term
			if b, ok := bleveBools[value]; ok && isBool(name) {
				value = b
			}
			counts[value] = term.Count
		}
		out[name] = counts
	}
	return out
}

func isBool(facet string) bool {
	return facet == search.FacetESS || facet == search.FacetAccessible || facet == search.FacetRemote
}
