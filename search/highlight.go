package search

import (
	"html"
	"html/template"
	"slices"
	"strings"
	"unicode"
)

// SnippetWords is how many words of a description a hit shows.
const SnippetWords = 30

// Highlighter marks, in the title and description of a query's hits, the
// words its text matched, as the engines match them: each word as written,
// with its typos, and the last one as a prefix; a synonym's group through
// all its members; a known misspelling through the word it stands for.
// Both engines' hits are marked here, the same way. Meilisearch's own
// highlighting sent back a formatted copy of every field of every hit, a
// fifth of its full query at 100 000 offers (see docs/BENCHMARKS.md); the
// embedded engine ran a second search for the matches' positions.
type Highlighter struct {
	exact   []string   // folded words, also matched with a plural s or x
	typos   []typoWord // the query's own words that typos still match
	prefix  string     // the last word of the query, matched as a prefix
	phrases [][]string // synonyms of several words, without their stop words
}

type typoWord struct {
	word  string
	typos int
}

// NewHighlighter reads the text of a query.
func NewHighlighter(text string) *Highlighter {
	h := &Highlighter{}
	words := slices.DeleteFunc(Words(text), IsStopWord)
	for i := 0; i < len(words); {
		if group, n := SynonymsAt(words[i:]); n > 0 {
			h.addGroup(group)
			i += n
			continue
		}
		w := words[i]
		h.exact = append(h.exact, w)
		if n := Typos(w); n > 0 {
			h.typos = append(h.typos, typoWord{w, n})
		}
		if right, ok := spelledRight[w]; ok {
			h.addWord(right)
		}
		if i == len(words)-1 && len([]rune(w)) >= MinPrefix {
			h.prefix = w
		}
		i++
	}
	return h
}

// addWord adds a word of the vocabulary, with its synonyms when it has some.
func (h *Highlighter) addWord(w string) {
	if group, n := SynonymsAt([]string{w}); n > 0 {
		h.addGroup(group)
		return
	}
	h.exact = append(h.exact, w)
}

func (h *Highlighter) addGroup(group int) {
	for _, member := range synonymWords[group] {
		switch len(member) {
		case 0: // stop words only: nothing to mark
		case 1:
			h.exact = append(h.exact, member[0])
		default:
			h.phrases = append(h.phrases, member)
		}
	}
}

// spelledRight maps each misspelling of the vocabulary to the word it
// stands for, folded.
var spelledRight = func() map[string]string {
	out := map[string]string{}
	for _, e := range Vocabulary {
		if e.Family != FamilySpelling {
			continue
		}
		right := Fold(e.Words[0])
		for _, w := range e.Words[1:] {
			out[Fold(w)] = right
		}
	}
	return out
}()

// Title returns the title, escaped, with its matches marked.
func (h *Highlighter) Title(title string) template.HTML {
	words := h.read(title)
	return render(title, words, 0, len(words))
}

// Snippet returns the SnippetWords words of the description that hold the
// most matches, escaped, with the matches marked and "…" where it is cut.
func (h *Highlighter) Snippet(description string) template.HTML {
	words := h.read(description)
	from := bestWindow(words)
	return render(description, words, from, min(len(words), from+SnippetWords))
}

// word is one word of a text: where it lies, and the last word of the
// match that starts with it (-1 when none does).
type word struct {
	start, end int
	folded     string
	markTo     int
}

// read splits text into words, as Words does, and finds the matches.
func (h *Highlighter) read(text string) []word {
	var words []word
	start := -1
	for i, r := range text + " " {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			words = append(words, word{start: start, end: i, folded: Fold(text[start:i]), markTo: -1})
			start = -1
		}
	}
	for i := range words {
		if h.matches(words[i].folded) {
			words[i].markTo = i
		}
	}
	for _, p := range h.phrases {
		for i := range words {
			if end := phraseAt(words, i, p); end >= 0 {
				words[i].markTo = max(words[i].markTo, end)
			}
		}
	}
	return words
}

func (h *Highlighter) matches(w string) bool {
	if slices.ContainsFunc(h.exact, func(e string) bool { return sameWord(w, e) }) {
		return true
	}
	if h.prefix != "" && strings.HasPrefix(w, h.prefix) {
		return true
	}
	return slices.ContainsFunc(h.typos, func(t typoWord) bool { return t.near(w) })
}

// sameWord reports whether w is e, or e with a plural s or x.
func sameWord(w, e string) bool {
	return w == e || len(w) == len(e)+1 && strings.HasPrefix(w, e) && (w[len(e)] == 's' || w[len(e)] == 'x')
}

// near reports whether w is within the word's typos; as in Meilisearch, a
// typo on the first letter counts twice.
func (t typoWord) near(w string) bool {
	allowed := t.typos
	if w[0] != t.word[0] {
		allowed--
	}
	if allowed <= 0 || abs(len(w)-len(t.word)) > allowed {
		return false
	}
	return editDistance(w, t.word) <= allowed
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// phraseAt returns the index of the last word of phrase when the words
// from i on hold it, stop words between its words allowed; else -1.
func phraseAt(words []word, i int, phrase []string) int {
	next := 0
	for ; i < len(words); i++ {
		switch w := words[i].folded; {
		case sameWord(w, phrase[next]):
			if next++; next == len(phrase) {
				return i
			}
		case next == 0 || !IsStopWord(w):
			return -1
		}
	}
	return -1
}

// bestWindow returns the first of the SnippetWords words that start the
// most matches (the earliest of equals), placed so that the matches it
// holds lie in its middle.
func bestWindow(words []word) int {
	best, bestCount, count := 0, 0, 0
	for i := range words {
		if words[i].markTo >= 0 {
			count++
		}
		if out := i - SnippetWords; out >= 0 && words[out].markTo >= 0 {
			count--
		}
		if count > bestCount {
			best, bestCount = max(0, i-SnippetWords+1), count
		}
	}
	if bestCount == 0 {
		return 0
	}
	first, last := -1, -1
	for i := best; i < min(len(words), best+SnippetWords); i++ {
		if words[i].markTo < 0 {
			continue
		}
		if first < 0 {
			first = i
		}
		last = max(last, words[i].markTo)
	}
	centred := first - (SnippetWords-(last-first+1))/2
	return max(0, min(centred, len(words)-SnippetWords))
}

// render writes the words from..to of text, with what lies between them,
// escaped, marking the matches; "…" stands for the text cut before and after.
func render(text string, words []word, from, to int) template.HTML {
	if len(words) == 0 {
		return template.HTML(html.EscapeString(text)) // escaped
	}
	var b strings.Builder
	start, end := 0, len(text)
	if from > 0 {
		b.WriteString("…")
		start = words[from].start
	}
	if to < len(words) {
		end = words[to-1].end
	}
	at := start
	for i := from; i < to; i++ {
		last := words[i].markTo
		if last < 0 {
			continue
		}
		last = min(last, to-1)
		b.WriteString(html.EscapeString(text[at:words[i].start]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(text[words[i].start:words[last].end]))
		b.WriteString("</mark>")
		at = words[last].end
		i = last
	}
	b.WriteString(html.EscapeString(text[at:end]))
	if to < len(words) {
		b.WriteString("…")
	}
	return template.HTML(b.String()) // escaped above
}
