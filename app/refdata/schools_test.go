package refdata

import (
	"slices"
	"testing"
)

func TestSchoolByUAI(t *testing.T) {
	cases := []struct {
		uai, name, commune, priority string
		kind                         SchoolKind
		tracks                       []string
	}{
		{"0921589C", "Collège Évariste Galois", "92050", "REP+", KindCollege, nil},
		{"0921622n", "Collège Auguste Renoir", "92004", "QPV", KindCollege, nil},
		{"0920144G", "Lycée Agora", "92062", "", KindLycee, []string{TrackGeneral, TrackTechnological}},
		{"0921676X", "Lycée professionnel Théodore Monod", "92002", "", KindLycee, []string{TrackVocational, TrackApprenticeship}},
	}
	for _, c := range cases {
		got, ok := SchoolByUAI(c.uai)
		if !ok || got.Name != c.name || got.CommuneCode != c.commune || got.Priority != c.priority ||
			got.Kind != c.kind || !slices.Equal(got.Tracks, c.tracks) {
			t.Errorf("SchoolByUAI(%q) = %+v, %v", c.uai, got, ok)
		}
	}
	if got, ok := SchoolByUAI("0921589D"); ok {
		t.Errorf("SchoolByUAI of an unknown UAI = %+v", got)
	}
}

func TestEverySchoolIsInAKnownCommuneOfThe92(t *testing.T) {
	for _, s := range append(Lycees(), Colleges()...) {
		c, ok := CommuneByCode(s.CommuneCode)
		if !ok {
			t.Errorf("%s (%s): unknown commune %q", s.Name, s.UAI, s.CommuneCode)
		}
		if !slices.Contains(c.PostalCodes, s.PostalCode) && s.Kind == KindCollege {
			t.Errorf("%s (%s): postal code %s is not one of %s's", s.Name, s.UAI, s.PostalCode, c.Name)
		}
		if !inside92(s.Lat, s.Lng) {
			t.Errorf("%s (%s) at %f,%f is outside the 92", s.Name, s.UAI, s.Lat, s.Lng)
		}
	}
}

func TestEveryCollegeIsInPriorityEducation(t *testing.T) {
	for _, s := range Colleges() {
		if s.Priority == "" {
			t.Errorf("%s (%s) has no priority-education label", s.Name, s.UAI)
		}
	}
}

func TestSearchSchools(t *testing.T) {
	cases := []struct {
		q     string
		limit int
		want  []string
	}{
		{"evariste", 10, []string{"0921589C"}},
		{"0921589", 10, []string{"0921589C"}},
		{"0921589c", 10, []string{"0921589C"}},
		{"michelet vanves", 10, []string{"0920149M"}},
		{"galois nanterre", 10, []string{"0921589C"}},
		{"lycée", 2, []string{"0920144G", "0920147K"}},
		{"", 10, nil},
		{"poudlard", 10, nil},
	}
	for _, c := range cases {
		var got []string
		for _, s := range SearchSchools(c.q, c.limit) {
			got = append(got, s.UAI)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("SearchSchools(%q, %d) = %v, want %v", c.q, c.limit, got, c.want)
		}
	}
}
