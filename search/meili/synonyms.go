package meili

import (
	"slices"
	"strings"

	"passerelle/search"
)

// Meilisearch expands a synonym only when the query holds it as an n-gram of
// at most maxNGram words, and never matches a synonym phrase across a stop
// word. The adapter bends the shared list to those limits: such phrases are
// replaced in the query by their group's first member, and as expansions
// by their longest run of words without a stop word.
const maxNGram = 3

func synonyms() map[string][]string {
	out := make(map[string][]string)
	for _, group := range search.Synonyms {
		for _, word := range group {
			if !expandable(word) {
				continue
			}
			for _, other := range group {
				if other != word {
					out[word] = append(out[word], longestRun(other))
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

// longestRun returns the longest part of a phrase between stop words.
func longestRun(phrase string) string {
	var best, run []string
	for _, w := range append(strings.Fields(phrase), "") {
		if w != "" && !search.IsStopWord(search.Fold(w)) {
			run = append(run, w)
			continue
		}
		if len(run) > len(best) || (len(run) == len(best) && len(strings.Join(run, " ")) > len(strings.Join(best, " "))) {
			best = run
		}
		run = nil
	}
	return strings.Join(best, " ")
}

// rewrite replaces in the query the synonym phrases Meilisearch cannot
// expand by the first member of their group.
func rewrite(text string) string {
	words := search.Words(text)
	changed := false
	for _, group := range search.Synonyms {
		for _, member := range group[1:] {
			if expandable(member) {
				continue
			}
			var replaced bool
			words, replaced = replacePhrase(words, search.Words(member), group[0])
			changed = changed || replaced
		}
	}
	if !changed {
		return text
	}
	return strings.Join(words, " ")
}

func replacePhrase(words, phrase []string, by string) ([]string, bool) {
	for i := 0; i+len(phrase) <= len(words); i++ {
		if slices.Equal(words[i:i+len(phrase)], phrase) {
			return slices.Concat(words[:i], []string{by}, words[i+len(phrase):]), true
		}
	}
	return words, false
}
