package matching

import (
	"errors"
	"strings"
	"testing"
)

const euro = 100 // cents

func app(id string, score float64, requested, minimum int64) GrantApplication {
	return GrantApplication{ID: id, Score: score, Requested: requested * euro, Minimum: minimum * euro}
}

func amounts(p Proposal) map[string]int64 {
	m := map[string]int64{}
	for _, d := range p.Decisions {
		if d.Amount > 0 {
			m[d.ApplicationID] = d.Amount / euro
		}
	}
	return m
}

func TestAllocateBudget(t *testing.T) {
	budget := GrantBudget{Total: 100_000 * euro, MaxAward: 15_000 * euro}
	tests := []struct {
		name            string
		apps            []GrantApplication
		budget          GrantBudget
		greedy, optimal map[string]int64
		explains        string
		difference      string
	}{
		{"everything fits", []GrantApplication{app("A", 18, 10_000, 0), app("B", 15, 12_000, 0)}, budget,
			map[string]int64{"A": 10_000, "B": 12_000}, map[string]int64{"A": 10_000, "B": 12_000},
			"financé en entier, 1e par la note", "identiques"},
		{"greedy skips, optimum swaps", []GrantApplication{app("A", 18, 15_000, 0), app("B", 16, 10_000, 0),
			app("C", 15, 10_000, 0)}, GrantBudget{Total: 20_000 * euro, MaxAward: 15_000 * euro},
			map[string]int64{"A": 15_000}, map[string]int64{"B": 10_000, "C": 10_000},
			"passé : 10\u202f000\u00a0€ demandés, il ne restait que 5\u202f000\u00a0€",
			"L'optimum finance B, C au lieu de A : score total 31,0 contre 18,0 ; reste 0\u00a0€ contre 5\u202f000\u00a0€."},
		{"over the maximum award", []GrantApplication{app("A", 18, 16_000, 0)}, budget, map[string]int64{}, map[string]int64{},
			"dépasse le plafond de 15\u202f000\u00a0€", "identiques"},
		{"reduced to the maximum award", []GrantApplication{app("A", 18, 16_000, 12_000)},
			GrantBudget{Total: 100_000 * euro, MaxAward: 15_000 * euro, AllowReduced: true},
			map[string]int64{"A": 15_000}, map[string]int64{"A": 15_000}, "financé à 15\u202f000\u00a0€ au lieu de 16\u202f000\u00a0€", "identiques"},
		{"reduced with what is left", []GrantApplication{app("A", 18, 15_000, 0), app("B", 16, 10_000, 4_000)},
			GrantBudget{Total: 20_000 * euro, MaxAward: 15_000 * euro, AllowReduced: true},
			map[string]int64{"A": 15_000, "B": 5_000}, map[string]int64{"A": 15_000, "B": 5_000}, "financé à 5\u202f000\u00a0€", "identiques"},
		{"minimum not reached", []GrantApplication{app("A", 18, 15_000, 0), app("B", 16, 10_000, 6_000)},
			GrantBudget{Total: 20_000 * euro, MaxAward: 15_000 * euro, AllowReduced: true},
			map[string]int64{"A": 15_000}, map[string]int64{"A": 15_000}, "financé en entier", "identiques"},
		{"reduced awards reshuffle the optimum", []GrantApplication{app("A", 18, 15_000, 0), app("B", 16, 10_000, 6_000),
			app("C", 15, 10_000, 0)}, GrantBudget{Total: 20_000 * euro, MaxAward: 15_000 * euro, AllowReduced: true},
			map[string]int64{"A": 15_000}, map[string]int64{"B": 10_000, "C": 10_000}, "financé en entier", "L'optimum finance B, C au lieu de A"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := AllocateBudget(tt.apps, tt.budget)
			if err != nil {
				t.Fatal(err)
			}
			if g, o := amounts(got.Greedy), amounts(got.Optimal); !equalMaps(g, tt.greedy) || !equalMaps(o, tt.optimal) {
				t.Fatalf("greedy %v optimal %v, want %v and %v", g, o, tt.greedy, tt.optimal)
			}
			if why := got.Greedy.Decisions[len(got.Greedy.Decisions)-1].Explanation + " / " + got.Greedy.Decisions[0].Explanation; !strings.Contains(why, tt.explains) {
				t.Errorf("greedy explanations %q, want %q", why, tt.explains)
			}
			if !strings.Contains(got.Difference, tt.difference) {
				t.Errorf("difference %q, want %q", got.Difference, tt.difference)
			}
		})
	}
}

func equalMaps(a, b map[string]int64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestAllocateBudgetRejectsBadInput(t *testing.T) {
	ok := GrantBudget{Total: 1000, MaxAward: 1000}
	for name, tc := range map[string]struct {
		apps []GrantApplication
		b    GrantBudget
	}{
		"negative budget":   {nil, GrantBudget{Total: -1, MaxAward: 1}},
		"no maximum":        {nil, GrantBudget{Total: 1}},
		"nothing requested": {[]GrantApplication{app("A", 1, 0, 0)}, ok},
		"minimum too high":  {[]GrantApplication{app("A", 1, 5, 6)}, ok},
		"duplicate":         {[]GrantApplication{app("A", 1, 5, 0), app("A", 2, 5, 0)}, ok},
	} {
		if _, err := AllocateBudget(tc.apps, tc.b); !errors.Is(err, ErrBudget) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

func TestEuros(t *testing.T) {
	for cents, want := range map[int64]string{0: "0\u00a0€", 50: "0,50\u00a0€", 100_000_00: "100\u202f000\u00a0€",
		1_234_567_89: "1\u202f234\u202f567,89\u00a0€", 999_00: "999\u00a0€"} {
		if got := euros(cents); got != want {
			t.Errorf("euros(%d) = %q, want %q", cents, got, want)
		}
	}
}
