package refdata

import (
	"strings"
	"unicode"
)

// diacritics maps the accented letters of French (and a few neighbours) to
// their base letter, so that "beziers" finds "Béziers".
var diacritics = strings.NewReplacer(
	"à", "a", "â", "a", "ä", "a", "á", "a", "ã", "a", "å", "a",
	"ç", "c", "é", "e", "è", "e", "ê", "e", "ë", "e",
	"î", "i", "ï", "i", "í", "i", "ì", "i",
	"ô", "o", "ö", "o", "ó", "o", "ò", "o", "õ", "o",
	"ù", "u", "û", "u", "ü", "u", "ú", "u", "ÿ", "y", "ñ", "n",
	"œ", "oe", "æ", "ae", "’", "'",
)

// Fold returns s in lower case without diacritics, for accent-insensitive
// comparisons.
func Fold(s string) string {
	return diacritics.Replace(strings.ToLower(s))
}

// words splits folded s into its words (letters and digits).
func words(s string) []string {
	return strings.FieldsFunc(Fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// matchWords reports whether every query word starts one of the text's words,
// so that "garenne col" finds "La Garenne-Colombes".
func matchWords(text, query []string) bool {
	if len(query) == 0 {
		return false
	}
	for _, q := range query {
		if !anyHasPrefix(text, q) {
			return false
		}
	}
	return true
}

func anyHasPrefix(list []string, prefix string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}
