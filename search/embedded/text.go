package embedded

import (
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"passerelle/search"
)

// Word lengths from which one or two typos are forgiven, as in Meilisearch.
const (
	minWordForOneTypo  = 5
	minWordForTwoTypos = 9
	minPrefix          = 3 // the last word also matches as a prefix, for search-as-you-type
)

// weights of the stemmed fields, from the title down.
var weights = []struct {
	field string
	boost float64
}{{fieldTitle, 4}, {fieldLabels, 2}, {fieldTermsText, 2}, {fieldDescription, 1}, {fieldOther, 1}}

// textQuery requires every word of the text, each matched stemmed, with
// typos, or through its synonyms. It returns nil for a text without words.
func textQuery(text string) query.Query {
	return textQueryWith(text, synonymQuery)
}

// highlightQuery is textQuery with each synonym group as its members'
// phrases, which hold the words' positions in the titles and descriptions
// that highlights mark; the synonym terms hold none. Run on a page of
// offers only.
func highlightQuery(text string) query.Query {
	return textQueryWith(text, synonymPhrases)
}

func textQueryWith(text string, synonyms func(group int) query.Query) query.Query {
	words := slices.DeleteFunc(search.Words(text), search.IsStopWord)
	var clauses []query.Query
	for i := 0; i < len(words); {
		if group, n := synonymsAt(words[i:]); n > 0 {
			clauses = append(clauses, synonyms(group))
			i += n
			continue
		}
		clauses = append(clauses, wordQuery(words[i], i == len(words)-1))
		i++
	}
	if len(clauses) == 0 {
		return nil
	}
	return bleve.NewConjunctionQuery(clauses...)
}

// synonymWords holds, per group of search.Synonyms, each member's words
// as the query's words are compared to them.
var synonymWords = func() [][][]string {
	groups := make([][][]string, len(search.Synonyms))
	for i, group := range search.Synonyms {
		for _, member := range group {
			groups[i] = append(groups[i], slices.DeleteFunc(search.Words(member), search.IsStopWord))
		}
	}
	return groups
}()

// synonymsAt finds the synonym group whose longest member starts words,
// by its index in search.Synonyms, and how many words that member spans
// (0 when none does).
func synonymsAt(words []string) (int, int) {
	best, bestLen := 0, 0
	for i, members := range synonymWords {
		for _, m := range members {
			if len(m) > bestLen && len(m) <= len(words) && slices.Equal(words[:len(m)], m) {
				best, bestLen = i, len(m)
			}
		}
	}
	return best, bestLen
}

// synonymPhrases matches the offers that hold a member of a group.
func synonymPhrases(group int) query.Query {
	var alternatives []query.Query
	for _, member := range search.Synonyms[group] {
		alternatives = append(alternatives, phraseQuery(search.Fold(member)))
	}
	return bleve.NewDisjunctionQuery(alternatives...)
}

// phraseQuery matches words next to each other in a stemmed field.
func phraseQuery(phrase string) query.Query {
	alternatives := make([]query.Query, len(weights))
	for i, w := range weights {
		alternatives[i] = fieldQuery(phrase, w.field, w.boost)
	}
	return bleve.NewDisjunctionQuery(alternatives...)
}

// fieldQuery sends a single word through a match query: a phrase searcher
// would read the positions of every candidate.
func fieldQuery(phrase, field string, boost float64) query.Query {
	if len(search.Words(phrase)) > 1 {
		q := bleve.NewMatchPhraseQuery(phrase)
		q.SetField(field)
		q.SetBoost(boost)
		return q
	}
	q := bleve.NewMatchQuery(phrase)
	q.SetField(field)
	q.SetBoost(boost)
	return q
}

func wordQuery(word string, last bool) query.Query {
	alternatives := []query.Query{phraseQuery(word)}
	fuzzy := bleve.NewFuzzyQuery(word)
	fuzzy.SetField(fieldPlain)
	fuzzy.SetFuzziness(typos(word))
	fuzzy.SetBoost(0.5)
	alternatives = append(alternatives, fuzzy)
	alternatives = append(alternatives, swapQueries(word)...)
	if last && len([]rune(word)) >= minPrefix {
		prefix := bleve.NewPrefixQuery(word)
		prefix.SetField(fieldPlain)
		prefix.SetBoost(0.5)
		alternatives = append(alternatives, prefix)
	}
	return bleve.NewDisjunctionQuery(alternatives...)
}

func typos(word string) int {
	switch n := len([]rune(word)); {
	case n >= minWordForTwoTypos:
		return 2
	case n >= minWordForOneTypo:
		return 1
	}
	return 0
}

// swapBoost ranks a word with two neighbour letters swapped, one typo for
// people and for Meilisearch, above the other words the Levenshtein fuzzy
// query finds two edits away.
const swapBoost = 1.5

// swapQueries match, as exact terms, the words that differ from word by
// two swapped neighbour letters, when word is long enough for a typo.
func swapQueries(word string) []query.Query {
	letters := []rune(word)
	if typos(word) == 0 {
		return nil
	}
	var out []query.Query
	for i := 0; i+1 < len(letters); i++ {
		if letters[i] == letters[i+1] {
			continue
		}
		swapped := slices.Clone(letters)
		swapped[i], swapped[i+1] = swapped[i+1], swapped[i]
		term := bleve.NewTermQuery(string(swapped))
		term.SetField(fieldPlain)
		term.SetBoost(swapBoost)
		out = append(out, term)
	}
	return out
}
