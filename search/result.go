package search

import (
	"html"
	"html/template"
	"strings"
	"time"
	"unicode/utf8"
)

// Result is one page of hits with everything a search page shows.
type Result struct {
	Hits    []Hit
	Total   int // hits matching the query, all pages together
	Page    int
	PerPage int
	// Facets maps a requested facet to its values and their counts among
	// all the hits; booleans count as "true" and "false".
	Facets map[string]map[string]int
	Took   time.Duration // measured end to end by the adapter
}

// Hit is one offer found, with its matches highlighted.
type Hit struct {
	Offer Offer
	// Title and Snippet are HTML-escaped with matched words in <mark>;
	// Snippet is a short extract of the description.
	Title   template.HTML
	Snippet template.HTML
	// DistanceKm is set when the query has a point.
	DistanceKm *float64
}

// Markers that adapters ask their engine to put around matched words,
// chosen because they never occur in offers; Marked turns them into HTML.
const (
	MatchStart = "\x02"
	MatchEnd   = "\x03"
)

// Marked escapes text and turns the match markers into <mark> elements.
func Marked(text string) template.HTML {
	escaped := html.EscapeString(text)
	escaped = strings.ReplaceAll(escaped, MatchStart, "<mark>")
	return template.HTML(strings.ReplaceAll(escaped, MatchEnd, "</mark>")) // escaped above
}

// SnippetRunes bounds the snippet shown when nothing matched in a description.
const SnippetRunes = 200

// Excerpt returns the start of text cut at a word boundary, for hits whose
// description has no match to show.
func Excerpt(text string) template.HTML {
	if utf8.RuneCountInString(text) <= SnippetRunes {
		return Marked(text)
	}
	cut := string([]rune(text)[:SnippetRunes])
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return Marked(cut + "…")
}

// WithDistances fills DistanceKm of every hit when the query has a point.
func WithDistances(hits []Hit, near *Point) {
	if near == nil {
		return
	}
	for i := range hits {
		d := DistanceKm(*near, hits[i].Offer.Point())
		hits[i].DistanceKm = &d
	}
}
