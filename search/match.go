package search

import (
	"slices"
	"strings"
)

// Matcher tells which of a fixed list of offers a query selects, in Go and
// as the engines filter: it serves many saved searches over the week's new
// offers without asking the engine once per search. Ranking is left out:
// offers come back in the list's order.
type Matcher struct {
	offers []matchable
	byType map[string][]int // offer indexes per type, in the list's order
	all    []int            // every offer index, in order
}

type matchable struct {
	Offer
	words []string // folded words of the title, description, job labels and terms, sorted, without repeats
}

// NewMatcher prepares offers for matching; it keeps their order.
func NewMatcher(offers []Offer) *Matcher {
	m := &Matcher{offers: make([]matchable, len(offers)), byType: map[string][]int{}, all: make([]int, len(offers))}
	for i, o := range offers {
		m.offers[i], m.all[i] = newMatchable(o), i
		m.byType[o.Type] = append(m.byType[o.Type], i)
	}
	return m
}

func newMatchable(o Offer) matchable {
	words := Words(strings.Join(slices.Concat([]string{o.Title, o.Description}, o.ROMELabels, OfferTerms(o)), " "))
	return matchable{Offer: o, words: slices.Compact(slices.Sorted(slices.Values(words)))}
}

// Match returns the indexes of the first limit offers q selects, in the
// list's order; its paging, sort and facets are ignored.
func (m *Matcher) Match(q Query, limit int) []int {
	terms := queryTerms(q.Text)
	var out []int
	for _, i := range m.candidates(q.Types) {
		if q.selects(&m.offers[i], terms) {
			if out = append(out, i); len(out) == limit {
				break
			}
		}
	}
	return out
}

// candidates are the indexes of the offers worth checking, in the list's
// order: those of the type when the query asks for one, else all.
func (m *Matcher) candidates(types []string) []int {
	if len(types) == 1 {
		return m.byType[types[0]]
	}
	return m.all
}

func (q Query) selects(o *matchable, terms [][]string) bool {
	switch {
	case len(q.Types) > 0 && !slices.Contains(q.Types, o.Type),
		len(q.Subdomains) > 0 && !slices.Contains(q.Subdomains, o.Subdomain),
		len(q.TensionFamilies) > 0 && !slices.Contains(q.TensionFamilies, o.TensionFamily),
		len(q.CommuneCodes) > 0 && !slices.Contains(q.CommuneCodes, o.CommuneCode),
		len(q.ROMECodes) > 0 && !slices.ContainsFunc(o.ROMECodes, func(c string) bool { return slices.Contains(q.ROMECodes, c) }),
		q.ESS != nil && *q.ESS != o.ESS,
		q.Accessible && !o.Accessible,
		q.Remote && !o.Remote,
		q.Age > 0 && (q.Age < o.AgeMin || q.Age > o.AgeMax),
		!q.StartFrom.IsZero() && o.StartDate.Before(q.StartFrom),
		!q.StartTo.IsZero() && o.StartDate.After(q.StartTo),
		q.Near != nil && q.RadiusKm > 0 && DistanceKm(*q.Near, o.Point()) > q.RadiusKm:
		return false
	}
	for _, alternatives := range terms {
		if !slices.ContainsFunc(alternatives, o.hasWordStartingWith) {
			return false
		}
	}
	return true
}

// hasWordStartingWith reports whether one of the offer's words starts with
// prefix, so that "boulanger" finds "boulangerie" and "boulangers".
func (o *matchable) hasWordStartingWith(prefix string) bool {
	i, _ := slices.BinarySearch(o.words, prefix)
	return i < len(o.words) && strings.HasPrefix(o.words[i], prefix)
}

// queryTerms are the words of a search's text an offer must all hold,
// stop words left out, each with its one-word synonyms as alternatives; a
// plural's final s is dropped so that the singular matches too.
func queryTerms(text string) [][]string {
	var terms [][]string
	for _, w := range Words(text) {
		if IsStopWord(w) {
			continue
		}
		if len(w) > 3 && (strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x")) {
			w = w[:len(w)-1]
		}
		terms = append(terms, append([]string{w}, oneWordSynonyms[w]...))
	}
	return terms
}

// oneWordSynonyms maps each one-word member of a synonym group to the
// group's other one-word members, folded.
var oneWordSynonyms = func() map[string][]string {
	out := map[string][]string{}
	for _, group := range Synonyms {
		var single []string
		for _, member := range group {
			if w := Words(member); len(w) == 1 {
				single = append(single, w[0])
			}
		}
		for _, w := range single {
			out[w] = append(out[w], slices.DeleteFunc(slices.Clone(single), func(s string) bool { return s == w })...)
		}
	}
	return out
}()
