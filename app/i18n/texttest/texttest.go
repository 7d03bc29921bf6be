// Package texttest checks, in tests, that what people read is made for
// people: no format verb left in a text, no catalog key shown for want of
// its text, no user id or database ObjectID where a name belongs.
package texttest

import (
	"html"
	"regexp"
	"strings"
	"sync"
	"testing"

	"passerelle/app/i18n"
)

var (
	scripts     = regexp.MustCompile(`(?s)<(script|style)[^>]*>.*?</(script|style)>`)
	tags        = regexp.MustCompile(`<[^>]*>`)
	formatVerbs = regexp.MustCompile(`%(\[\d+\])?[-+#0-9.]*[sdvfqx]\b|%!`)
	internalIDs = regexp.MustCompile(`\buser-\d{3,}\b|\b[0-9a-f]{24}\b`)
	keyish      = regexp.MustCompile(`\b[a-z_]+(?:\.[a-z0-9_]+){2,}\b`)
	links       = regexp.MustCompile(`https?://\S+`)
)

// keyPrefixes are the first words of the catalog's keys: a dotted word
// starting with one of them is a key, found in the catalog or not (an
// unknown key is shown as itself).
var keyPrefixes = sync.OnceValue(func() map[string]bool {
	catalog, err := i18n.Load()
	if err != nil {
		panic(err)
	}
	prefixes := map[string]bool{}
	for key := range catalog[i18n.Default] {
		first, _, _ := strings.Cut(key, ".")
		prefixes[first] = true
	}
	return prefixes
})

// Visible is what a reader of an HTML page or email sees: its text
// without markup, scripts or styles.
func Visible(page string) string {
	return html.UnescapeString(tags.ReplaceAllString(scripts.ReplaceAllString(page, " "), " "))
}

// Check fails t on what a person should never read in text (where says
// where it was read); the addresses of links, which a plain-text email
// shows, are not read as text.
func Check(t testing.TB, where, text string) {
	t.Helper()
	text = links.ReplaceAllString(text, " ")
	for _, m := range formatVerbs.FindAllString(text, -1) {
		t.Errorf("%s: format verb %q in %q", where, m, Around(text, m))
	}
	for _, m := range internalIDs.FindAllString(text, -1) {
		t.Errorf("%s: internal id %q in %q", where, m, Around(text, m))
	}
	for _, m := range keyish.FindAllString(text, -1) {
		if first, _, _ := strings.Cut(m, "."); keyPrefixes()[first] {
			t.Errorf("%s: catalog key %q in %q", where, m, Around(text, m))
		}
	}
}

// Around is the text about m, to say where it was found.
func Around(text, m string) string {
	i := max(0, strings.Index(text, m))
	from, to := max(0, i-60), min(len(text), i+len(m)+60)
	return strings.Join(strings.Fields(text[from:to]), " ")
}
