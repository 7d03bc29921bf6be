package embedded

import (
	bsearch "github.com/blevesearch/bleve/v2/search"

	"passerelle/search"
)

// hits returns the offers of the matches, marked.
func hits(matches bsearch.DocumentMatchCollection, marks *search.Highlighter) ([]search.Hit, error) {
	out := make([]search.Hit, len(matches))
	for i, m := range matches {
		o, err := offer(m.Fields[fieldSource])
		if err != nil {
			return nil, err
		}
		out[i] = search.Hit{Offer: o, Title: marks.Title(o.Title), Snippet: marks.Snippet(o.Description)}
	}
	return out, nil
}
