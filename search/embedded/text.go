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

type weight struct {
	field string
	boost float64
}

// weights of the stemmed fields, from the title down.
var weights = []weight{{fieldTitle, 4}, {fieldLabels, 2}, {fieldTermsText, 2}, {fieldDescription, 1}, {fieldOther, 1}}

// highlightedWeights are the weights of the fields whose matches are marked.
var highlightedWeights = slices.DeleteFunc(slices.Clone(weights), func(w weight) bool {
	return w.field != fieldTitle && w.field != fieldDescription
})

// textQuery requires every word of the text, each matched stemmed, with
// typos, or through its synonyms. It returns nil for a text without words.
func textQuery(text string) query.Query {
	return all(textClauses(text, synonymQuery, wordQuery))
}

// all requires every query, nil for none. A single query stays itself: a
// conjunction of one, or a disjunction of one, stands in the way of
// Bleve's unscored optimisation, which reads the offers of a conjunction
// of terms and of disjunctions of terms as one bitmap of the index (see
// combine).
func all(queries []query.Query) query.Query {
	switch len(queries) {
	case 0:
		return nil
	case 1:
		return queries[0]
	}
	return bleve.NewConjunctionQuery(queries...)
}

// highlightQuery finds where the text's words lie in the titles and
// descriptions, the fields whose matches are marked: each synonym group as
// its members' phrases (the synonym terms hold no positions), each word
// stemmed. Typos and prefixes are matched in the plain field, whose
// positions nothing marks: asking for them only cost the advance of every
// word they expand to. Any word marks where it is found, so the words are
// alternatives: a word found only in the other fields leaves the others'
// marks. Run on a page of offers only; nil for a text without words.
func highlightQuery(text string) query.Query {
	clauses := textClauses(text, func(group int) query.Query {
		var alternatives []query.Query
		for _, member := range search.Synonyms[group] {
			alternatives = append(alternatives, phraseIn(search.Fold(member), highlightedWeights))
		}
		return bleve.NewDisjunctionQuery(alternatives...)
	}, func(word string, _ bool) query.Query {
		return phraseIn(word, highlightedWeights)
	})
	if len(clauses) == 0 {
		return nil
	}
	return bleve.NewDisjunctionQuery(clauses...)
}

// textClauses returns one clause per word of the text, or per synonym
// where a group's member starts.
func textClauses(text string, synonyms func(group int) query.Query, word func(w string, last bool) query.Query) []query.Query {
	words := slices.DeleteFunc(search.Words(text), search.IsStopWord)
	var clauses []query.Query
	for i := 0; i < len(words); {
		if group, n := synonymsAt(words[i:]); n > 0 {
			clauses = append(clauses, synonyms(group))
			i += n
			continue
		}
		clauses = append(clauses, word(words[i], i == len(words)-1))
		i++
	}
	return clauses
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

// phraseIn matches words next to each other in one of the stemmed fields.
func phraseIn(phrase string, fields []weight) query.Query {
	alternatives := make([]query.Query, len(fields))
	for i, w := range fields {
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
	alternatives := []query.Query{phraseIn(word, weights)}
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
