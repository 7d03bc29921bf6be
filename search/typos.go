package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word lengths from which one or two typos are forgiven, and the length
// from which the last word also matches as a prefix (search as you type):
// Meilisearch's defaults, which the embedded engine and the marks follow.
const (
	MinWordForOneTypo  = 5
	MinWordForTwoTypos = 9
	MinPrefix          = 3
)

// Typos is how many typos a word of a query may hold and still match:
// none in a number, since a postcode or a ROME code with a typo is another.
func Typos(word string) int {
	switch n := utf8.RuneCountInString(word); {
	case isNumber(word):
		return 0
	case n >= MinWordForTwoTypos:
		return 2
	case n >= MinWordForOneTypo:
		return 1
	}
	return 0
}

func isNumber(word string) bool {
	return strings.IndexFunc(word, func(r rune) bool { return !unicode.IsDigit(r) }) < 0
}
