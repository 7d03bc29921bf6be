package embedded

import (
	"html/template"
	"strings"

	bsearch "github.com/blevesearch/bleve/v2/search"

	"passerelle/search"
)

// hits returns the offers of the matches with the fragments found in them.
func hits(matches bsearch.DocumentMatchCollection) ([]search.Hit, error) {
	out := make([]search.Hit, len(matches))
	for i, m := range matches {
		o, err := offer(m.Fields[fieldSource])
		if err != nil {
			return nil, err
		}
		found := m.Fragments
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
