package searchtest

import (
	"context"
	"slices"
	"testing"

	"passerelle/search"
)

// vocabularyCases are one or more searches per family of the vocabulary,
// each finding fixtures whose own text does not hold the word typed.
var vocabularyCases = []struct {
	family, text string
	want         []string // must be among the hits
	not          []string // must not
}{
	{search.FamilyJobTitle, "commise de cuisine", []string{"o06"}, []string{"o01"}},
	{search.FamilyJobTitle, "hôtesse de caisse", []string{"o22"}, []string{"o07"}},
	{search.FamilyJobTitle, "technicienne", []string{"o14", "o15", "o16"}, []string{"o12"}},
	{search.FamilyEveryday, "cuisto", []string{"o06", "o26"}, []string{"o01", "o12"}},
	{search.FamilyEveryday, "info", []string{"o12", "o14", "o15", "o16", "o29"}, []string{"o01"}},
	{search.FamilyEveryday, "dev", []string{"o12", "o13", "o29"}, []string{"o01", "o14"}},
	{search.FamilyEarlyChildhood, "nounou", []string{"o10"}, []string{"o12"}},
	{search.FamilyEarlyChildhood, "auxi de puer", []string{"o09"}, []string{"o10"}},
	{search.FamilyESS, "recyclerie", []string{"o18", "o19"}, []string{"o01"}},
	{search.FamilyESS, "réemploi", []string{"o18", "o19"}, []string{"o12"}},
	{search.FamilySpelling, "informatik", []string{"o12", "o14", "o16"}, []string{"o01"}},
	{search.FamilySpelling, "cuizinié", []string{"o06"}, []string{"o12"}},
	{search.FamilyLoanword, "dev web", []string{"o12", "o29"}, []string{"o14", "o01"}},
	{search.FamilyLoanword, "food truck", []string{"o06"}, []string{"o12"}},
	{search.FamilySchool, "alternance", []string{"o01", "o03", "o05", "o06", "o09", "o12", "o14"}, []string{"o10", "o21"}},
	{search.FamilySchool, "stage de 3e", []string{"o02", "o21", "o27"}, []string{"o08", "o15"}},
	{search.FamilySchool, "stage de seconde", []string{"o15"}, []string{"o02", "o21"}},
	{search.FamilySchool, "bac pro", []string{"o01", "o05"}, []string{"o21", "o07"}},
}

func testVocabulary(t *testing.T, e search.Engine) {
	for _, c := range vocabularyCases {
		checkFound(t, e, c.family, c.text, c.want, c.not)
	}
}

// testDidYouMean checks that words beyond typo tolerance get the closest
// terms of the index's own vocabulary, and only terms some offer holds.
func testDidYouMean(t *testing.T, e search.Engine) {
	terms, err := search.Terms(context.Background(), e)
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{
		"boulanjerie": "boulangerie",
		"kuizinier":   "cuisinier",
		"puericultur": "puericulture",
		"sekretair":   "secretaire",
	} {
		got := search.DidYouMean(text, terms, 3)
		if !slices.Contains(got, want) {
			t.Errorf("vouliez-vous dire for %q = %q, want %q among them", text, got, want)
		}
		for _, s := range got {
			if find(t, e, search.Query{Text: s}).Total == 0 {
				t.Errorf("%q suggests %q, which finds nothing", text, s)
			}
		}
	}
	if got := search.DidYouMean("mecanicien", terms, 3); slices.Contains(got, "mecanicien") {
		t.Errorf("a job no fixture offers is suggested: %q", got)
	}
}

// testRecovery checks each widening of a text search that found nothing.
func testRecovery(t *testing.T, e search.Engine) {
	ctx := context.Background()
	terms, err := search.Terms(ctx, e)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		why   string
		q     search.Query
		widen string
		to    string
		keep  func(search.Offer) bool
	}{
		{"a word beyond typo tolerance", search.Query{Text: "bouchair"}, search.WidenVocabulary, "boucher",
			func(o search.Offer) bool { return o.ROMECodes[0] == "D1101" }},
		{"the job exists, not there: its sub-domain", search.Query{Text: "boucher", CommuneCodes: []string{rueil.code}},
			search.WidenSubdomain, "Alimentation", func(o search.Offer) bool { return o.Subdomain == "Alimentation" }},
		{"nothing in the sub-domain either: the family", search.Query{Text: "boucher", CommuneCodes: []string{suresnes.code}},
			search.WidenFamily, "metiers_de_bouche", func(o search.Offer) bool { return o.TensionFamily == "metiers_de_bouche" }},
	} {
		c.q.PerPage = search.MaxPerPage
		if res := find(t, e, c.q); res.Total != 0 {
			t.Fatalf("%s: %q already finds %v", c.why, c.q.Text, ids(res))
		}
		r, err := search.Recover(ctx, e, c.q, terms)
		if err != nil || r == nil {
			t.Fatalf("%s: Recover = %+v, %v", c.why, r, err)
		}
		if r.Widen != c.widen || r.To != c.to || r.Result.Total == 0 {
			t.Errorf("%s: widened %s to %q (%d found), want %s to %q", c.why, r.Widen, r.To, r.Result.Total, c.widen, c.to)
		}
		for _, h := range r.Result.Hits {
			if !c.keep(h.Offer) || len(search.NewMatcher([]search.Offer{withText(h.Offer, c.q.Text)}).Match(c.q, 1)) == 0 {
				t.Errorf("%s: found %s, which is not what was widened to or leaves the filters", c.why, h.Offer.ID)
			}
		}
	}
	if r, err := search.Recover(ctx, e, search.Query{Text: "zzzz qqqq"}, terms); r != nil || err != nil {
		t.Errorf("gibberish recovered to %+v, %v", r, err)
	}
}

// withText gives the offer the query's words, so that the Matcher checks the
// other filters only.
func withText(o search.Offer, text string) search.Offer {
	o.Title += " " + text
	return o
}
