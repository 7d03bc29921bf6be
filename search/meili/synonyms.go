package meili

import (
	"slices"
	"strings"

	"passerelle/search"
)

// Meilisearch expands a synonym only when the query holds it as an n-gram of
// at most maxNGram words, and never matches a synonym phrase across a stop
// word. The adapter bends the shared list to those limits: such phrases are
// replaced in the query by their group's first member, and left out of the
// expansions (the vocabulary holds their forms without stop words).
const maxNGram = 3

func synonyms() map[string][]string {
	out := make(map[string][]string)
	for _, group := range search.Synonyms {
		for _, word := range group {
			if !expandable(word) {
				continue
			}
			for _, other := range group {
				if other != word && expandable(other) {
					out[word] = append(out[word], other)
				}
			}
		}
	}
	return out
}

func expandable(phrase string) bool {
	words := search.Words(phrase)
	return len(words) <= maxNGram && !slices.ContainsFunc(words, search.IsStopWord)
}

// rewrite replaces in the query the synonym phrases Meilisearch cannot
// expand by the first member of their group.
func rewrite(text string) string {
	words := search.Words(text)
	changed := false
	for _, r := range replacements {
		var replaced bool
		words, replaced = replacePhrase(words, r.phrase, r.by)
		changed = changed || replaced
	}
	if !changed {
		return text
	}
	return strings.Join(words, " ")
}

// replacements are the synonym phrases Meilisearch cannot expand, as
// words, each with the first member of its group, in the list's order.
// Splitting every member into words again for each query was a fifth of
// the adapter's CPU per search.
var replacements = func() []replacement {
	var out []replacement
	for _, group := range search.Synonyms {
		for _, member := range group[1:] {
			if !expandable(member) {
				out = append(out, replacement{phrase: search.Words(member), by: group[0]})
			}
		}
	}
	return out
}()

type replacement struct {
	phrase []string
	by     string
}

func replacePhrase(words, phrase []string, by string) ([]string, bool) {
	for i := 0; i+len(phrase) <= len(words); i++ {
		if slices.Equal(words[i:i+len(phrase)], phrase) {
			return slices.Concat(words[:i], []string{by}, words[i+len(phrase):]), true
		}
	}
	return words, false
}
