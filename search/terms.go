package search

import (
	"slices"
	"strings"
)

// JobForms returns the masculine and feminine forms of a ROME label:
// "Commis / Commise de cuisine" gives "commis de cuisine" and "commise de
// cuisine", the words after the feminine form belonging to both.
func JobForms(label string) []string {
	masculine, feminine, ok := strings.Cut(label, " / ")
	if !ok {
		return []string{strings.ToLower(strings.TrimSpace(label))}
	}
	m, f := strings.Fields(masculine), strings.Fields(feminine)
	if len(f) > len(m) {
		m = append(m, f[len(m):]...)
	}
	return []string{strings.ToLower(strings.Join(m, " ")), strings.ToLower(strings.Join(f, " "))}
}

// OfferTerms are the words an offer is known by besides its own text: the
// forms of its ROME labels and the vocabulary's words for its ROME codes and
// its type, folded, each once. Both engines index them as searchable text
// and as the FacetTerms facet, whose values are the index's own vocabulary.
func OfferTerms(o Offer) []string {
	var terms []string
	seen := map[string]bool{}
	add := func(words ...string) {
		for _, w := range words {
			if f := Fold(w); !seen[f] {
				seen[f] = true
				terms = append(terms, f)
			}
		}
	}
	for _, label := range o.ROMELabels {
		add(JobForms(label)...)
	}
	for _, e := range Vocabulary {
		if slices.Contains(e.Types, o.Type) || slices.ContainsFunc(o.ROMECodes, e.namesJob) {
			add(e.Words...)
		}
	}
	return terms
}

// namesJob reports whether the entry names the job of a ROME code.
func (e Entry) namesJob(code string) bool {
	return slices.ContainsFunc(e.ROME, func(prefix string) bool { return strings.HasPrefix(code, prefix) })
}

// Synonyms are the vocabulary's groups of two words or more, merged when
// they share a word, so that each word belongs to one group. Misspellings
// are left out: no offer's text holds them, so expanding to them costs a
// query for nothing, and the offers of their jobs hold them as terms. The first
// member of a group is one of its shortest: engines that cannot expand long
// phrases use it.
var Synonyms = synonymGroups(Vocabulary)

func synonymGroups(entries []Entry) [][]string {
	var groups [][]string
	groupOf := map[string]int{} // folded word → index in groups
	for _, e := range entries {
		if len(e.Words) < 2 || e.Family == FamilySpelling {
			continue
		}
		target := -1
		for _, w := range e.Words {
			if g, ok := groupOf[Fold(w)]; ok {
				target = g
				break
			}
		}
		if target < 0 {
			target = len(groups)
			groups = append(groups, nil)
		}
		for _, w := range e.Words {
			if _, ok := groupOf[Fold(w)]; !ok {
				groupOf[Fold(w)] = target
				groups[target] = append(groups[target], w)
			}
		}
	}
	for _, g := range groups {
		slices.SortStableFunc(g, func(a, b string) int { return len(Words(a)) - len(Words(b)) })
	}
	return groups
}

// synonymWords holds, per group of Synonyms, each member's words
// as the query's words are compared to them.
var synonymWords = func() [][][]string {
	groups := make([][][]string, len(Synonyms))
	for i, group := range Synonyms {
		for _, member := range group {
			groups[i] = append(groups[i], slices.DeleteFunc(Words(member), IsStopWord))
		}
	}
	return groups
}()

// SynonymsAt finds the synonym group whose longest member starts words,
// by its index in Synonyms, and how many words that member spans
// (0 when none does).
func SynonymsAt(words []string) (int, int) {
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

// JobsNamed returns the ROME codes and code prefixes of the vocabulary's
// entries that have a word starting with text, ignoring case and accents,
// in the list's order and each once: "cuist" names the cooks' jobs.
func JobsNamed(text string) []string {
	prefix := strings.Join(Words(text), " ")
	var codes []string
	if prefix == "" {
		return nil
	}
	for _, e := range Vocabulary {
		if slices.ContainsFunc(e.Words, func(w string) bool { return strings.HasPrefix(strings.Join(Words(w), " "), prefix) }) {
			for _, c := range e.ROME {
				if !slices.Contains(codes, c) {
					codes = append(codes, c)
				}
			}
		}
	}
	return codes
}
