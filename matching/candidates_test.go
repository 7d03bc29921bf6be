package matching

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
)

func TestSuggestCandidates(t *testing.T) {
	near, far, hidden, tooYoung := baseYouth(), baseYouth(), baseYouth(), baseYouth()
	near.ID, near.Visible = "near", true
	far.ID, far.Visible, far.Home = "far", true, Point{48.90, 2.20}
	hidden.ID = "hidden"
	tooYoung.ID, tooYoung.Visible, tooYoung.BirthDate = "young", true, testNow.AddDate(-15, 0, 0)
	got, err := SuggestCandidates(baseOffer(), []Youth{far, hidden, tooYoung, near}, 0, testNow, DefaultWeights())
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range got {
		ids = append(ids, c.YouthID)
	}
	if !slices.Equal(ids, []string{"near", "far"}) {
		t.Fatalf("candidates %v, want [near far] (visible, eligible, nearest first)", ids)
	}
	c := got[0]
	if c.FirstName != "Inès" || c.AgeBand != "16–17" || !slices.Equal(c.Interests, []string{"M18"}) {
		t.Fatalf("candidate %+v", c)
	}
	if reasons := fmt.Sprint(c.Reasons); reasons != "[candidate.distance 3 candidate.subdomain Systèmes d'information "+
		"candidate.type.apprenticeship candidate.level candidate.ess]" {
		t.Fatalf("reasons %q", reasons)
	}
	if top, _ := SuggestCandidates(baseOffer(), []Youth{far, near}, 1, testNow, DefaultWeights()); len(top) != 1 || top[0].YouthID != "near" {
		t.Fatalf("k=1: %+v", top)
	}
}

// TestCandidateHasNoContactField guards the design: a candidate carries no
// field through which an email, phone or address could reach an employer.
func TestCandidateHasNoContactField(t *testing.T) {
	allowed := []string{"YouthID", "FirstName", "AgeBand", "CommuneCode", "Interests", "Score", "Reasons"}
	typ := reflect.TypeFor[Candidate]()
	for i := range typ.NumField() {
		if name := typ.Field(i).Name; !slices.Contains(allowed, name) {
			t.Errorf("Candidate.%s: review it is not personal data, then allow it here", name)
		}
	}
}

func TestAgeBand(t *testing.T) {
	for age, want := range map[int]string{14: "14–15", 15: "14–15", 16: "16–17", 17: "16–17",
		18: "18–20", 20: "18–20", 21: "21–25", 25: "21–25"} {
		if got := AgeBand(age); got != want {
			t.Errorf("AgeBand(%d) = %q, want %q", age, got, want)
		}
	}
}
