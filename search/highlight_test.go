package search_test

import (
	"strings"
	"testing"

	"passerelle/search"
	"passerelle/search/sample"
)

func TestTitlesAreEscapedAndMarked(t *testing.T) {
	for _, c := range []struct{ query, title, want string }{
		{"pâtissier", "<b>Boulanger</b> & pâtissier", "&lt;b&gt;Boulanger&lt;/b&gt; &amp; <mark>pâtissier</mark>"},
		{"", "Boulanger & pâtissier", "Boulanger &amp; pâtissier"},
		{"de la cuisine", "Commis de cuisine", "<mark>Commis</mark> de <mark>cuisine</mark>"},           // stop words unmarked
		{"cuisto", "Cuisinier d'un restaurant", "<mark>Cuisinier</mark> d&#39;un restaurant"},           // a synonym
		{"serveur", "Service en salle, brasserie", "<mark>Service en salle</mark>, brasserie"},          // a synonym phrase
		{"service salle", "Serveuse en terrasse", "<mark>Serveuse</mark> en terrasse"},                  // a phrase of the query
		{"fromager lait", "Fromagers et fromageries", "<mark>Fromagers</mark> et fromageries"},          // a plural
		{"boulangre", "Boulanger en boulangerie", "<mark>Boulanger</mark> en <mark>boulangerie</mark>"}, // typos
		{"poulanger", "Boulanger", "<mark>Boulanger</mark>"},                                            // the first letter counts twice
		{"bendeuse", "Vendeuse", "Vendeuse"},                                                            // …so a short word is not near
		{"boul", "Boulangerie", "<mark>Boulangerie</mark>"},                                             // the last word, a prefix
		{"boul pain", "Boulangerie", "Boulangerie"},                                                     // only the last
		{"informatik", "Technicien informatique", "Technicien <mark>informatique</mark>"},               // a known misspelling
		{"92000", "Nanterre 92001 et 92000", "Nanterre 92001 et <mark>92000</mark>"},                    // no typo in a number
	} {
		if got := string(search.NewHighlighter(c.query).Title(c.title)); got != c.want {
			t.Errorf("%q in %q: %q, want %q", c.query, c.title, got, c.want)
		}
	}
}

func TestSnippetsShowTheWordsAroundTheMatches(t *testing.T) {
	filler := func(n int) string { return strings.Repeat("pétrissage ", n) }
	marks := search.NewHighlighter("fournil")
	long := filler(40) + "au fournil tôt, " + filler(40)
	got := string(marks.Snippet(long))
	if !strings.HasPrefix(got, "…pétrissage") || !strings.HasSuffix(got, "pétrissage…") || !strings.Contains(got, "au <mark>fournil</mark> tôt, ") {
		t.Errorf("snippet %q: want the words around the match, cut on both sides", got)
	}
	if n := len(search.Words(strings.ReplaceAll(got, "mark>", ""))); n != search.SnippetWords {
		t.Errorf("snippet of %d words, want %d", n, search.SnippetWords)
	}
	if got := string(marks.Snippet(filler(40))); got != strings.TrimSpace(filler(search.SnippetWords))+"…" {
		t.Errorf("snippet without a match %q: want the first words", got)
	}
	// The window that holds the most matches wins.
	text := "fournil " + filler(35) + "fournil, fournil et fournil " + filler(35)
	if got := string(marks.Snippet(text)); strings.Count(got, "<mark>") != 3 {
		t.Errorf("snippet %q: want the three matches close together", got)
	}
	if got := string(marks.Snippet("Le fournil.")); got != "Le <mark>fournil</mark>." {
		t.Errorf("short description %q: want it whole", got)
	}
}

func FuzzHighlighter(f *testing.F) {
	f.Add("service salle", "Service en salle, brasserie <b>&")
	f.Add("boul", "")
	f.Fuzz(func(t *testing.T, query, text string) {
		marks := search.NewHighlighter(query)
		for _, got := range []string{string(marks.Title(text)), string(marks.Snippet(text))} {
			plain := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(got)
			if strings.ContainsAny(plain, "<>") {
				t.Errorf("%q in %q: %q is not escaped", query, text, got)
			}
		}
	})
}

// BenchmarkHighlighter marks a page of 20 generated offers, as a search does.
func BenchmarkHighlighter(b *testing.B) {
	offers := sample.Generate(20)
	for b.Loop() {
		marks := search.NewHighlighter("boulangre apprentissage")
		for _, o := range offers {
			marks.Title(o.Title)
			marks.Snippet(o.Description)
		}
	}
}
