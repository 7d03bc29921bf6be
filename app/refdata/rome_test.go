package refdata

import (
	"slices"
	"testing"
)

func TestJobByCode(t *testing.T) {
	cases := map[string]string{
		"K1303":  "Garde d'enfant",
		"j1304":  "Auxiliaire de puériculture",
		"M1805":  "Développeur / Développeuse informatique",
		" D1102": "Boulanger / Boulangère",
	}
	for code, label := range cases {
		if got, ok := JobByCode(code); !ok || got.Label != label {
			t.Errorf("JobByCode(%q) = %+v, %v; want %q", code, got, ok, label)
		}
	}
	if got, ok := JobByCode("Z9999"); ok {
		t.Errorf("JobByCode(Z9999) = %+v", got)
	}
}

func TestTensionFamily(t *testing.T) {
	cases := []struct {
		code, family string
		ok           bool
	}{
		{"K1303", FamilyEarlyChildhood, true},
		{"K1310", FamilyEarlyChildhood, true}, // assistant maternel, child of K1303
		{"J1304", FamilyEarlyChildhood, true},
		{"M1805", FamilyComputing, true},
		{"M1855", FamilyComputing, true}, // développeur web, child of M1805
		{"M1884", FamilyComputing, true}, // child of M1810
		{"D1101", FamilyFood, true},
		{"D1108", FamilyFood, true}, // chef boulanger, child of D1102
		{"D1115", FamilyFood, true}, // chocolatier, child of D1104
		{"G1609", FamilyFood, true}, // cuisinier, child of G1602
		{"A1101", "", false},
		{"K1302", "", false},
		{"M1801", "", false},
		{"nope", "", false},
	}
	for _, c := range cases {
		family, ok := TensionFamily(c.code)
		if family != c.family || ok != c.ok {
			t.Errorf("TensionFamily(%q) = %q, %v; want %q, %v", c.code, family, ok, c.family, c.ok)
		}
	}
}

func TestTensionFamiliesHaveLabelsAndJobs(t *testing.T) {
	for _, f := range TensionFamilies() {
		if f.Label == "" {
			t.Errorf("family %s: no label", f.Key)
		}
		codes := []string{}
		for _, job := range FamilyJobs(f.Key) {
			codes = append(codes, job.Code)
		}
		for _, root := range f.Roots {
			if !slices.Contains(codes, root) {
				t.Errorf("family %s: jobs %v miss the root %s", f.Key, codes, root)
			}
		}
	}
}

func TestSubdomain(t *testing.T) {
	if got, ok := Subdomain("M1869"); !ok || got != "Maintenance, installation et assistance informatique" {
		t.Errorf("Subdomain(M1869) = %q, %v", got, ok)
	}
	if got, ok := Subdomain("K1303"); ok {
		t.Errorf("Subdomain(K1303) = %q, want none (not in the file)", got)
	}
	job, _ := JobByCode("M1889")
	if !slices.Equal(job.Subdomains, []string{"Analyse de données, data", "Gestion de projets informatiques"}) {
		t.Errorf("M1889 sub-domains = %v", job.Subdomains)
	}
}

func TestSearchJobs(t *testing.T) {
	cases := []struct {
		q        string
		limit    int
		contains []string
	}{
		{"puericulture", 0, []string{"J1304"}},
		{"boulang", 0, []string{"D1102", "D1108"}},
		{"developpeur web", 0, []string{"M1855"}},
		{"m180", 0, []string{"M1805"}},
		{"k1303", 0, []string{"K1303"}},
	}
	for _, c := range cases {
		var got []string
		for _, job := range SearchJobs(c.q, c.limit) {
			got = append(got, job.Code)
		}
		for _, code := range c.contains {
			if !slices.Contains(got, code) {
				t.Errorf("SearchJobs(%q) = %v, want it to contain %s", c.q, got, code)
			}
		}
	}
	if got := SearchJobs("e", 5); len(got) != 5 {
		t.Errorf("SearchJobs with limit 5 returned %d jobs", len(got))
	}
	if got := SearchJobs("", 5); len(got) != 0 {
		t.Errorf("SearchJobs(\"\") = %v", got)
	}
}
