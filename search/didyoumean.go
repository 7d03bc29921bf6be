package search

import (
	"cmp"
	"slices"
	"strings"
)

// FewHits is the number of hits under which a search page proposes
// « Vouliez-vous dire … ? ».
const FewHits = 3

// DidYouMean returns up to limit texts close to text, built from the index's
// own vocabulary: terms are the values of the FacetTerms facet with their
// offer counts. A word of text already in the vocabulary is kept; another is
// replaced by the closest term, written or pronounced alike; ties go to the
// term with more offers. The text itself is never proposed.
func DidYouMean(text string, terms map[string]int, limit int) []string {
	words := slices.DeleteFunc(Words(text), IsStopWord)
	if len(words) == 0 || len(terms) == 0 {
		return nil
	}
	known := map[string]bool{}
	for t := range terms {
		for _, w := range Words(t) {
			known[w] = true
		}
	}
	var out []string
	whole := strings.Join(words, " ")
	for _, c := range closest(whole, terms) {
		out = append(out, c.term)
	}
	if corrected, changed := correctWords(words, known, terms); changed {
		out = append(out, corrected)
	}
	out = slices.DeleteFunc(slices.Compact(out), func(s string) bool { return s == whole })
	return out[:min(limit, len(out))]
}

// correctWords replaces each word that is not in the vocabulary by its
// closest term.
func correctWords(words []string, known map[string]bool, terms map[string]int) (string, bool) {
	out := slices.Clone(words)
	changed := false
	for i, w := range words {
		if known[w] {
			continue
		}
		if c := closest(w, terms); len(c) > 0 {
			out[i], changed = c[0].term, true
		}
	}
	return strings.Join(out, " "), changed
}

type candidate struct {
	term     string
	distance int
	count    int
}

// closest returns the terms near enough to s, the nearest first.
func closest(s string, terms map[string]int) []candidate {
	key := Phonetic(s)
	var found []candidate
	for t, n := range terms {
		if t == s || n == 0 {
			continue
		}
		d := editDistance(s, t)
		if len(key) >= minPhoneticKey {
			d = min(d, editDistance(key, Phonetic(t)))
		}
		if d <= tolerance(s) {
			found = append(found, candidate{t, d, n})
		}
	}
	slices.SortFunc(found, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(a.distance, b.distance), cmp.Compare(b.count, a.count), cmp.Compare(a.term, b.term))
	})
	return found
}

// minPhoneticKey is the shortest phonetic key compared: shorter ones, as
// of « zzzz », meet too many words.
const minPhoneticKey = 3

// tolerance is how many edits a suggestion may be from what was typed: a
// little more than typo tolerance, since it is only proposed.
func tolerance(s string) int {
	switch n := len([]rune(s)); {
	case n >= 8:
		return 3
	case n >= 5:
		return 2
	case n >= 3:
		return 1
	}
	return 0
}

// editDistance is the Damerau–Levenshtein distance (with swaps of
// neighbour letters) between two strings, in runes.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	prev2, prev, cur := make([]int, len(y)+1), make([]int, len(y)+1), make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(y)]
}

// phoneticRules rewrite French spellings that sound alike to one form, in
// order; they run on folded text.
var phoneticRules = strings.NewReplacer(
	"eau", "o", "au", "o", "ou", "u", "ph", "f", "qu", "k", "ck", "k", "gu", "g", "ge", "je", "gi", "ji",
	"ce", "se", "ci", "si", "cy", "si", "c", "k", "q", "k", "z", "s", "ss", "s", "w", "v", "y", "i", "h", "",
	"ai", "e", "ei", "e", "en", "an", "em", "an", "am", "an", "tion", "sion",
)

// Phonetic returns a key under which French words that sound alike meet:
// « informatik » and « informatique », « cuizinié » and « cuisinier ».
func Phonetic(s string) string {
	words := Words(s)
	for i, w := range words {
		w = phoneticRules.Replace(w)
		w = strings.TrimRight(w, "stxd")
		w = strings.TrimSuffix(w, "r")
		w = strings.TrimRight(w, "e")
		words[i] = squeeze(w)
	}
	return strings.Join(words, " ")
}

// squeeze turns double letters into single ones.
func squeeze(s string) string {
	r := []rune(s)
	return string(slices.Compact(r))
}
