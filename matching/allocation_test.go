package matching

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func session(id string, capacity int) Session {
	return Session{ID: id, HalfDay: "2027-03-15 " + id, Capacity: capacity}
}

func group(id string, size int, priority bool, wishes ...string) Group {
	return Group{ID: id, SchoolID: "school-" + id, Size: size, Priority: priority, Wishes: wishes}
}

func resultOf(t *testing.T, a Allocation, id string) GroupResult {
	t.Helper()
	i := slices.IndexFunc(a.Groups, func(r GroupResult) bool { return r.GroupID == id })
	if i < 0 {
		t.Fatalf("no result for %s", id)
	}
	return a.Groups[i]
}

func TestAllocateScenarios(t *testing.T) {
	tests := []struct {
		name     string
		campaign Campaign
		group    string
		session  string
		says     string
	}{
		{"first wish", Campaign{Sessions: []Session{session("S1", 30)}, Groups: []Group{group("A", 25, false, "S1")}},
			"A", "S1", "vœu n°1 obtenu"},
		{"second wish when the first is full", Campaign{Sessions: []Session{session("S1", 30), session("S2", 30)},
			Groups: []Group{group("A", 25, false, "S1"), group("B", 25, false, "S1", "S2")}, Seed: 2},
			"B", "S2", "vœu n°2 obtenu ; vœu n°1 complet (plus de place pour 25 élèves)"},
		{"seats reserved for priority education", Campaign{PriorityShare: 0.5, Seed: 1, // calls P, A, Q
			Sessions: []Session{session("S1", 40), session("S2", 40)},
			Groups:   []Group{group("A", 25, false, "S1", "S2"), group("P", 10, true, "S2"), group("Q", 20, true, "S1")}},
			"A", "S2", "vœu n°1 : places restantes réservées aux établissements REP, REP+ et QPV"},
		{"priority group called first", Campaign{PriorityShare: 0.5, Sessions: []Session{session("S1", 25)},
			Groups: []Group{group("A", 25, false, "S1"), group("P", 25, true, "S1")}},
			"P", "S1", "établissement de l'éducation prioritaire"},
		{"no reserve without priority demand", Campaign{PriorityShare: 0.5, Sessions: []Session{session("S1", 30)},
			Groups: []Group{group("A", 30, false, "S1"), group("P", 20, true, "S2")}},
			"A", "S1", "vœu n°1 obtenu"},
		{"group too big", Campaign{Sessions: []Session{{ID: "S1", Capacity: 60, MaxGroup: 30}, session("S2", 60)},
			Groups: []Group{group("A", 35, false, "S1", "S2")}},
			"A", "S2", "vœu n°1 : la session n'accueille pas de groupe de 35 élèves"},
		{"group too small", Campaign{Sessions: []Session{{ID: "S1", Capacity: 60, MinGroup: 10}},
			Groups: []Group{group("A", 8, false, "S1")}},
			"A", "", "aucun vœu obtenu ; vœu n°1 : la session n'accueille pas de groupe de 8 élèves"},
		{"unknown session", Campaign{Sessions: []Session{session("S1", 30)}, Groups: []Group{group("A", 8, false, "gone", "S1")}},
			"A", "S1", "vœu n°2 obtenu ; vœu n°1 : session introuvable"},
		{"no wish", Campaign{Sessions: []Session{session("S1", 30)}, Groups: []Group{group("A", 8, false)}},
			"A", "", "aucun vœu formulé"},
		{"smaller group fills the rest", Campaign{Sessions: []Session{session("S1", 30)},
			Groups: []Group{group("A", 20, false, "S1"), group("B", 15, false, "S1"), group("C", 10, false, "S1")}, Seed: 4},
			"C", "S1", "vœu n°1 obtenu"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Allocate(tt.campaign)
			if err != nil {
				t.Fatal(err)
			}
			r := resultOf(t, a, tt.group)
			if r.SessionID != tt.session || !strings.HasPrefix(r.Explanation, tt.says) && !strings.Contains(r.Explanation, tt.says) {
				t.Fatalf("%s got %q (%s), want %q (%s)\ncall order %v", tt.group, r.SessionID, r.Explanation,
					tt.session, tt.says, a.CallOrder)
			}
		})
	}
}

func TestCallOrderKeepsThePriorityRate(t *testing.T) {
	var groups []Group
	for i := range 40 {
		groups = append(groups, group(string(rune('a'+i%26))+string(rune('A'+i/26)), 1, i%5 == 0))
	}
	for _, share := range []float64{0, 0.1, 0.3, 0.5, 1} {
		order := callOrder(groups, share, 9)
		priority := 0
		for i, gi := range order {
			if groups[gi].Priority {
				priority++
			}
			want := min(8, reservedSeats(share, i+1)) // 8 priority groups in all
			if priority < want {
				t.Fatalf("share %.1f: %d priority among the first %d, want ≥ %d", share, priority, i+1, want)
			}
		}
	}
}

func TestAllocateIgnoresInputOrder(t *testing.T) {
	c := randomCampaign(newGenerator(5), 40, 12, 0.3)
	a, _ := Allocate(c)
	slices.Reverse(c.Groups)
	b, _ := Allocate(c)
	if !slices.Equal(a.CallOrder, b.CallOrder) {
		t.Fatal("the call order depends on the order groups were entered")
	}
}

func TestAllocateRejectsInvalidCampaigns(t *testing.T) {
	wishes := []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"}
	for name, c := range map[string]Campaign{
		"share":           {PriorityShare: 1.5},
		"duplicate group": {Groups: []Group{group("A", 5, false), group("A", 5, false)}},
		"empty group":     {Groups: []Group{group("A", 0, false)}},
		"eleven wishes":   {Groups: []Group{group("A", 5, false, wishes...)}},
		"same wish twice": {Groups: []Group{group("A", 5, false, "S1", "S1")}},
		"session twice":   {Sessions: []Session{session("S1", 5), session("S1", 5)}},
		"negative seats":  {Sessions: []Session{session("S1", -1)}},
	} {
		if _, err := Allocate(c); !errors.Is(err, ErrCampaign) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}
