package searchtest

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"passerelle/search"
)

func testIndexAndFind(t *testing.T, e search.Engine) {
	res := find(t, e, search.Query{Text: "boulanger levain"})
	if len(res.Hits) != 1 || res.Total != 1 {
		t.Fatalf("hits %v, total %d: want only o01", ids(res), res.Total)
	}
	if got, want := res.Hits[0].Offer, offerByID("o01"); !reflect.DeepEqual(got, want) {
		t.Errorf("stored offer changed:\n got %+v\nwant %+v", got, want)
	}
	if res.Page != 1 || res.PerPage != search.DefaultPerPage {
		t.Errorf("page %d per page %d, want the defaults", res.Page, res.PerPage)
	}
}

// textCases are French searches as typed on a phone: without accents, in
// the plural, with typos, or with another word for the same thing.
var textCases = []struct {
	why, text string
	want      []string // must be among the hits
	not       []string // must not
}{
	{"plain word", "boulangerie", []string{"o01", "o02", "o04"}, []string{"o12", "o08"}},
	{"accents left out", "creche", []string{"o08", "o27"}, []string{"o01"}},
	{"accents left out", "developpeur", []string{"o12"}, []string{"o01"}},
	{"capitals and no accents", "PATISSIER", []string{"o03"}, []string{"o12"}},
	{"plural", "animatrices", []string{"o17"}, []string{"o01"}},
	{"typo", "boulangre", []string{"o01"}, []string{"o12"}},
	{"typo", "patisier", []string{"o03", "o28"}, []string{"o12"}},
	{"synonym crèche → petite enfance", "crèche", []string{"o11"}, []string{"o12"}},
	{"synonym petite enfance → crèche", "petite enfance", []string{"o08", "o27"}, []string{"o12"}},
	{"synonym alternance → apprentissage", "alternance", []string{"o03", "o09", "o06"}, []string{"o10"}},
	{"synonym ESS → économie sociale et solidaire", "ESS", []string{"o18", "o19"}, []string{"o01"}},
	{"synonym économie sociale et solidaire → ESS", "économie sociale et solidaire", []string{"o18", "o19"}, []string{"o01"}},
	{"short form", "dev", []string{"o12", "o29"}, []string{"o01"}},
	{"every word must match", "boulanger informatique", nil, []string{"o01", "o12"}},
}

func testTextMatching(t *testing.T, e search.Engine) {
	for _, c := range textCases {
		checkFound(t, e, c.why, c.text, c.want, c.not)
	}
}

// checkFound checks that text finds every offer of want and none of not.
func checkFound(t *testing.T, e search.Engine, why, text string, want, not []string) {
	t.Helper()
	got := ids(find(t, e, search.Query{Text: text, PerPage: search.MaxPerPage}))
	for _, id := range want {
		if !slices.Contains(got, id) {
			t.Errorf("%s: %q found %v, want %s among them", why, text, got, id)
		}
	}
	for _, id := range not {
		if slices.Contains(got, id) {
			t.Errorf("%s: %q found %v, want no %s", why, text, got, id)
		}
	}
}

// testTypoRanking checks that a word with a letter swapped ranks the word
// it was meant for (one typo, as people count them) above a longer word
// that is also two edits away.
func testTypoRanking(t *testing.T, e search.Engine) {
	got := ids(find(t, e, search.Query{Text: "boulangre"}))
	if len(got) == 0 || got[0] != "o01" {
		t.Errorf("boulangre ranked %v, want o01 (Apprenti boulanger) first", got)
	}
}

func testHighlights(t *testing.T, e search.Engine) {
	res := find(t, e, search.Query{Text: "fournil", Types: []string{"apprenticeship"}})
	if len(res.Hits) != 1 {
		t.Fatalf("hits %v, want only o01", ids(res))
	}
	hit := res.Hits[0]
	if !strings.Contains(string(hit.Snippet), "<mark>fournil</mark>") {
		t.Errorf("snippet %q does not mark the word found", hit.Snippet)
	}
	if string(hit.Title) != "Apprenti boulanger" {
		t.Errorf("title %q, want it whole and unmarked", hit.Title)
	}
	res = find(t, e, search.Query{Text: "Auxiliaire"})
	if len(res.Hits) == 0 || !strings.Contains(string(res.Hits[0].Title), "<mark>Auxiliaire</mark>") {
		t.Errorf("hits %+v: want o09 first with its title marked", res.Hits)
	}
}
