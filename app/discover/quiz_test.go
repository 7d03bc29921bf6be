package discover

import (
	"slices"
	"testing"

	"passerelle/app/refdata"
)

func answers(points int, ids ...string) map[string]int {
	a := map[string]int{}
	for _, id := range ids {
		a[id] = points
	}
	return a
}

func TestAYouthWhoLikesChildrenIsProposedEarlyChildhoodWithItsReasons(t *testing.T) {
	got := Propose(answers(Yes, "children", "care", "patience"))
	if len(got) == 0 || got[0].Interest != refdata.FamilyEarlyChildhood || got[0].Percent != 100 {
		t.Fatalf("proposals %+v", got)
	}
	if !slices.Equal(got[0].Reasons, []string{"children", "care", "patience"}) {
		t.Errorf("reasons %v", got[0].Reasons)
	}
	if !slices.Equal(got[0].Jobs, []string{"J1304", "K1303"}) { // J1304 named by two answers
		t.Errorf("jobs %v", got[0].Jobs)
	}
	for _, p := range got[1:] {
		if p.Percent >= got[0].Percent {
			t.Errorf("not ranked: %+v", got)
		}
	}
}

func TestNoAnswerProposesNothingAndHalfHeartedAnswersRankBelow(t *testing.T) {
	if got := Propose(map[string]int{}); len(got) != 0 {
		t.Errorf("no answer proposed %+v", got)
	}
	a := answers(Yes, "computers", "create", "puzzles")
	for id, p := range answers(ALittle, "cooking", "hands", "early", "customers") {
		a[id] = p
	}
	got := Propose(a)
	if len(got) != 2 || got[0].Interest != refdata.FamilyComputing || got[1].Interest != refdata.FamilyFood {
		t.Fatalf("proposals %+v", got)
	}
	if got[1].Percent != 50 {
		t.Errorf("a little to every food question: %d %%", got[1].Percent)
	}
}

// Every question points somewhere that exists: a known interest and ROME
// heads of that interest's family.
func TestEveryQuestionPointsToKnownFamiliesAndJobs(t *testing.T) {
	for _, q := range Questions {
		for interest := range q.Weights {
			if _, ok := ByKey(interest); !ok && interest != ESSInterest {
				t.Errorf("%s: unknown interest %s", q.ID, interest)
			}
		}
		for _, code := range q.Jobs {
			if _, ok := refdata.TensionFamily(code); !ok {
				t.Errorf("%s: %s is in no family", q.ID, code)
			}
		}
	}
	if n := len(Questions); n < 10 || n > 15 {
		t.Errorf("%d questions", n)
	}
}
