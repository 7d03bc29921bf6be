package embedded

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"passerelle/search"
	"passerelle/search/sample"
)

// A synonym is found in a text as a phrase query finds it: by its stemmed
// words, a stop word in between standing for any word, and its field is
// padded to the text's number of words.
func TestMembersAreFoundAsPhrases(t *testing.T) {
	group, n := search.SynonymsAt([]string{"service", "salle"}) // the query drops its stop words
	if n != 2 {
		t.Fatalf("service en salle: no synonym group")
	}
	want := memberTerm(group, slices.Index(search.Synonyms[group], "service en salle"))
	for text, found := range map[string]bool{
		"Le service en salle du midi": true, "Services de salle": true, "le service, puis la salle": false, "Salle de service": false,
	} {
		got := strings.Fields(finder().members(text))
		if slices.Contains(got, want) != found {
			t.Errorf("%q: synonym terms %q, want %s found: %v", text, got, want, found)
		}
		if words := len(finder().analyzer.Analyze([]byte(text))); found && len(got) != words {
			t.Errorf("%q: %d terms, want the text's %d words", text, len(got), words)
		}
	}
}

// An index built before the synonyms were indexed, or with other groups,
// is indexed again when opened: its offers are found through synonyms.
func TestOpenReindexesOtherSynonyms(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	e, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := e.Index(ctx, sample.Offers()...); err != nil {
		t.Fatal(err)
	}
	o := sample.Offers()[0]
	doc, err := document(o)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range memberFields {
		delete(doc, f)
	}
	if err := e.index.Index(o.ID, doc); err != nil {
		t.Fatal(err)
	}
	if err := e.index.SetInternal(groupsKey, []byte("other groups")); err != nil {
		t.Fatal(err)
	}
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	e, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	res, err := e.Search(ctx, search.Query{Text: "boulange"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(res.Hits, func(h search.Hit) bool { return h.Offer.ID == o.ID }) {
		t.Errorf("boulange found %d offers, not %s", res.Total, o.ID)
	}
}

// Words found through a synonym are marked: the synonym terms hold no
// positions, the page's highlights read them from the members' phrases.
func TestSynonymsAreHighlighted(t *testing.T) {
	e, ctx := indexed(t, sample.Offers()...)
	res, err := e.Search(ctx, search.Query{Text: "boulange"})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range res.Hits {
		if h.Offer.ID == "o01" && strings.Contains(string(h.Title), "<mark>boulanger</mark>") {
			return
		}
	}
	t.Errorf("boulange: hits %+v, want o01 with « boulanger » marked in its title", res.Hits)
}
