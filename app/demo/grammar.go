package demo

import "strings"

// of returns "de name", elided to "d'name" before a vowel, as French wants.
func of(name string) string {
	if strings.ContainsRune("aeiouyéèêâîôAEIOUYÉ", []rune(name)[0]) {
		return "d'" + name
	}
	return "de " + name
}

// the returns a diploma's name with its article: "la licence…", "le CAP…".
func the(diploma string) string {
	if strings.HasPrefix(diploma, "licence") {
		return "la " + diploma
	}
	return "le " + diploma
}
