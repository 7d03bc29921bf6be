package embedded

import (
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"passerelle/search"
)

// weights of the stemmed fields, from the title down.
var weights = []struct {
	field string
	boost float64
}{{fieldTitle, 4}, {fieldLabels, 2}, {fieldTermsText, 2}, {fieldDescription, 1}, {fieldOther, 1}}

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

// textQuery requires every word of the text, each matched stemmed, with
// typos, or through its synonyms: a clause per word, or per synonym group
// where one of its members starts. It returns nil for a text without words.
func textQuery(text string) query.Query {
	words := slices.DeleteFunc(search.Words(text), search.IsStopWord)
	var clauses []query.Query
	for i := 0; i < len(words); {
		if group, n := search.SynonymsAt(words[i:]); n > 0 {
			clauses = append(clauses, synonymQuery(group))
			i += n
			continue
		}
		clauses = append(clauses, wordQuery(words[i], i == len(words)-1))
		i++
	}
	return all(clauses)
}

// stemmedQuery matches a word in one of the stemmed fields, by their
// weights. A match query, not a phrase query: a phrase searcher would read
// the positions of every candidate.
func stemmedQuery(word string) query.Query {
	alternatives := make([]query.Query, len(weights))
	for i, w := range weights {
		q := bleve.NewMatchQuery(word)
		q.SetField(w.field)
		q.SetBoost(w.boost)
		alternatives[i] = q
	}
	return bleve.NewDisjunctionQuery(alternatives...)
}

func wordQuery(word string, last bool) query.Query {
	alternatives := []query.Query{stemmedQuery(word)}
	fuzzy := bleve.NewFuzzyQuery(word)
	fuzzy.SetField(fieldPlain)
	fuzzy.SetFuzziness(search.Typos(word))
	fuzzy.SetBoost(0.5)
	alternatives = append(alternatives, fuzzy)
	alternatives = append(alternatives, swapQueries(word)...)
	if last && len([]rune(word)) >= search.MinPrefix {
		prefix := bleve.NewPrefixQuery(word)
		prefix.SetField(fieldPlain)
		prefix.SetBoost(0.5)
		alternatives = append(alternatives, prefix)
	}
	return bleve.NewDisjunctionQuery(alternatives...)
}

// swapBoost ranks a word with two neighbour letters swapped, one typo for
// people and for Meilisearch, above the other words the Levenshtein fuzzy
// query finds two edits away.
const swapBoost = 1.5

// swapQueries match, as exact terms, the words that differ from word by
// two swapped neighbour letters, when word is long enough for a typo.
func swapQueries(word string) []query.Query {
	letters := []rune(word)
	if search.Typos(word) == 0 {
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
