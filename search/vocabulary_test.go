package search_test

import (
	"slices"
	"testing"

	"passerelle/search"
)

// Every family of the vocabulary has entries, and each entry names jobs or
// kinds of offer, so that its words reach offers.
func TestVocabularyFamilies(t *testing.T) {
	entries := map[string]int{}
	for _, e := range search.Vocabulary {
		entries[e.Family]++
		if len(e.Words) == 0 || len(e.ROME) == 0 && len(e.Types) == 0 {
			t.Errorf("entry %v names nothing", e.Words)
		}
	}
	for _, family := range []string{search.FamilyEveryday, search.FamilyEarlyChildhood, search.FamilyESS,
		search.FamilySpelling, search.FamilyLoanword, search.FamilySchool} {
		if entries[family] == 0 {
			t.Errorf("family %s has no entry", family)
		}
	}
}

func TestJobFormsSplitsMasculineAndFeminine(t *testing.T) {
	for label, want := range map[string][]string{
		"Boulanger / Boulangère":                                {"boulanger", "boulangère"},
		"Commis / Commise de cuisine":                           {"commis de cuisine", "commise de cuisine"},
		"Hôte / Hôtesse de caisse":                              {"hôte de caisse", "hôtesse de caisse"},
		"Médiateur social / Médiatrice sociale":                 {"médiateur social", "médiatrice sociale"},
		"Auxiliaire de puériculture":                            {"auxiliaire de puériculture"},
		"Technicien / Technicienne d'exploitation informatique": {"technicien d'exploitation informatique", "technicienne d'exploitation informatique"},
	} {
		if got := search.JobForms(label); !slices.Equal(got, want) {
			t.Errorf("JobForms(%q) = %q, want %q", label, got, want)
		}
	}
}

// An offer's terms hold, per family, the words of its job and its type.
func TestOfferTermsPerFamily(t *testing.T) {
	cook := search.Offer{Type: "apprenticeship", ROMECodes: []string{"G1602"}, ROMELabels: []string{"Commis / Commise de cuisine"}}
	it := search.Offer{Type: "internship_3e", ROMECodes: []string{"M1855"}, ROMELabels: []string{"Développeur / Développeuse web"}}
	nanny := search.Offer{Type: "job", ROMECodes: []string{"K1303"}, ROMELabels: []string{"Garde d'enfant"}}
	sorting := search.Offer{Type: "ess_discovery", ROMECodes: []string{"K2304"}}
	for _, c := range []struct {
		family string
		offer  search.Offer
		want   []string
		not    []string
	}{
		{search.FamilyJobTitle, cook, []string{"commis de cuisine", "commise de cuisine"}, nil},
		{search.FamilyEveryday, cook, []string{"cuisto", "cuistot"}, []string{"info"}},
		{search.FamilyEveryday, it, []string{"info", "dev"}, []string{"cuisto"}},
		{search.FamilyEarlyChildhood, nanny, []string{"nounou", "creche", "petite enfance"}, []string{"dev"}},
		{search.FamilyESS, sorting, []string{"ressourcerie", "recyclerie", "reemploi", "ess"}, []string{"nounou"}},
		{search.FamilySpelling, it, []string{"informatik", "devlopeur"}, []string{"kuisinier"}},
		{search.FamilyLoanword, it, []string{"dev web", "front-end", "fullstack"}, []string{"food truck"}},
		{search.FamilyLoanword, cook, []string{"food truck", "street food"}, []string{"dev web"}},
		{search.FamilySchool, cook, []string{"alternance", "apprentissage", "cap", "bac pro", "bts"}, []string{"stage de 3e"}},
		{search.FamilySchool, it, []string{"stage de 3e", "3e", "stage"}, []string{"alternance"}},
	} {
		terms := search.OfferTerms(c.offer)
		for _, w := range c.want {
			if !slices.Contains(terms, w) {
				t.Errorf("%s: terms %q lack %q", c.family, terms, w)
			}
		}
		for _, w := range c.not {
			if slices.Contains(terms, w) {
				t.Errorf("%s: terms %q hold %q", c.family, terms, w)
			}
		}
	}
}

func TestSynonymGroupsShareNoWord(t *testing.T) {
	seen := map[string]int{}
	for i, g := range search.Synonyms {
		if len(search.Words(g[0])) > len(search.Words(g[len(g)-1])) {
			t.Errorf("group %q does not start with a shortest member", g)
		}
		for _, w := range g {
			if j, ok := seen[search.Fold(w)]; ok && j != i {
				t.Errorf("%q is in groups %q and %q", w, search.Synonyms[j], g)
			}
			seen[search.Fold(w)] = i
		}
	}
}

func TestDidYouMeanProposesTheIndexsOwnTerms(t *testing.T) {
	terms := map[string]int{"cuisinier": 12, "informatique": 30, "boulanger": 3, "boucher": 4, "bouche": 0}
	for text, want := range map[string]string{
		"cuizinié":          "cuisinier",
		"kuisinier":         "cuisinier",
		"infaurmatik":       "informatique",
		"bouchair":          "boucher",
		"stage bouchair":    "stage boucher",
		"boulanjé à antony": "boulanger antony",
	} {
		if got := search.DidYouMean(text, terms, 3); !slices.Contains(got, want) {
			t.Errorf("DidYouMean(%q) = %q, want %q among them", text, got, want)
		}
	}
	for _, text := range []string{"zzzz qqqq", "boulanger", "de la"} {
		if got := search.DidYouMean(text, terms, 3); len(got) != 0 {
			t.Errorf("DidYouMean(%q) = %q, want nothing", text, got)
		}
	}
}

func TestPhoneticKeysMeet(t *testing.T) {
	for a, b := range map[string]string{"informatik": "informatique", "cuizinié": "cuisinier", "boulenjer": "boulanger",
		"sekretère": "secrétaire", "fotografe": "photographe"} {
		if search.Phonetic(a) != search.Phonetic(b) {
			t.Errorf("Phonetic(%q) = %q, Phonetic(%q) = %q", a, search.Phonetic(a), b, search.Phonetic(b))
		}
	}
}

func TestJobsNamedByEverydayWords(t *testing.T) {
	if got := search.JobsNamed("cuist"); !slices.Contains(got, "G1602") {
		t.Errorf("JobsNamed(cuist) = %q, want the cooks' jobs", got)
	}
	if got := search.JobsNamed("zz"); len(got) != 0 {
		t.Errorf("JobsNamed(zz) = %q", got)
	}
}
