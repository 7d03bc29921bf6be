package search

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// folds maps the accented letters of French to their plain forms.
var folds = map[rune]string{
	'à': "a", 'â': "a", 'ä': "a", 'á': "a", 'ç': "c", 'é': "e", 'è': "e", 'ê': "e", 'ë': "e",
	'î': "i", 'ï': "i", 'í': "i", 'ô': "o", 'ö': "o", 'ó': "o", 'ù': "u", 'û': "u", 'ü': "u", 'ú': "u",
	'ÿ': "y", 'ñ': "n", 'æ': "ae", 'œ': "oe",
}

// Fold lowercases s and removes its accents, as both engines do when
// they compare words.
func Fold(s string) string {
	if isFolded(s) {
		return s // most words: no copy
	}
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if f, ok := folds[r]; ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isFolded reports whether s holds neither capitals nor any letter beyond ASCII.
func isFolded(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// Words splits s into folded words; apostrophes and hyphens separate words.
func Words(s string) []string {
	return strings.FieldsFunc(Fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

var foldedStopWords = func() map[string]bool {
	set := make(map[string]bool, len(StopWords))
	for _, w := range StopWords {
		set[Fold(w)] = true
	}
	return set
}()

// IsStopWord reports whether a folded word is a stop word.
func IsStopWord(word string) bool {
	return foldedStopWords[word]
}

// HasWords reports whether text holds a word that is not a stop word: a
// query without one is not a text search and is sorted by date.
func HasWords(text string) bool {
	return slices.ContainsFunc(Words(text), func(w string) bool { return !IsStopWord(w) })
}
