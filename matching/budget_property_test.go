package matching

import (
	"fmt"
	"testing"
)

func randomGrantCall(g *generator, n int, cents bool) ([]GrantApplication, GrantBudget) {
	b := GrantBudget{Total: int64(10_000+g.rng.IntN(60_000)) * euro, MaxAward: 15_000 * euro, AllowReduced: g.chance(0.5)}
	apps := make([]GrantApplication, n)
	for i := range apps {
		requested := int64(1_000+g.rng.IntN(17_000)) * euro
		if !cents {
			requested -= requested % (500 * euro) // round amounts, as applicants ask
		}
		apps[i] = GrantApplication{ID: fmt.Sprintf("A%03d", i), Score: float64(g.rng.IntN(200)) / 10, Requested: requested}
		if cents {
			apps[i].Requested += int64(g.rng.IntN(100))
		}
		if g.chance(0.5) {
			apps[i].Minimum = apps[i].Requested / 2
		}
	}
	return apps, b
}

// exhaustiveBest tries every combination of none / full / minimum.
func exhaustiveBest(apps []GrantApplication, b GrantBudget) int64 {
	var best int64
	var try func(i int, spent, score int64)
	try = func(i int, spent, score int64) {
		if spent > b.Total {
			return
		}
		if i == len(apps) {
			best = max(best, score)
			return
		}
		try(i+1, spent, score)
		o := optionsOf(apps[i], b)
		for _, amount := range []int64{o.full, o.reduced} {
			if amount > 0 {
				try(i+1, spent+amount, score+milliPoints(apps[i].Score))
			}
		}
	}
	try(0, 0, 0)
	return best
}

func TestKnapsackIsOptimal(t *testing.T) {
	for seed := range uint64(500) {
		g := newGenerator(seed)
		apps, b := randomGrantCall(g, 1+g.rng.IntN(10), false)
		got, err := AllocateBudget(apps, b)
		if err != nil {
			t.Fatal(err)
		}
		if want := exhaustiveBest(apps, b); milliPoints(got.Optimal.TotalScore) != want {
			t.Fatalf("seed %d: optimum %.1f, exhaustive search %.1f\n%+v", seed, got.Optimal.TotalScore, float64(want)/1000, got.Optimal)
		}
	}
}

func TestBudgetProposalsStayWithinLimits(t *testing.T) {
	for seed := range uint64(500) {
		g := newGenerator(seed)
		apps, b := randomGrantCall(g, 1+g.rng.IntN(40), seed%2 == 0)
		got, err := AllocateBudget(apps, b)
		if err != nil {
			t.Fatal(err)
		}
		if milliPoints(got.Optimal.TotalScore) < milliPoints(got.Greedy.TotalScore) {
			t.Fatalf("seed %d: optimum %.1f below greedy %.1f", seed, got.Optimal.TotalScore, got.Greedy.TotalScore)
		}
		for _, p := range []Proposal{got.Greedy, got.Optimal} {
			checkProposal(t, seed, apps, b, p)
		}
	}
}

func checkProposal(t *testing.T, seed uint64, apps []GrantApplication, b GrantBudget, p Proposal) {
	t.Helper()
	requested := map[string]GrantApplication{}
	for _, a := range apps {
		requested[a.ID] = a
	}
	spent := int64(0)
	for _, d := range p.Decisions {
		a := requested[d.ApplicationID]
		low := a.Requested
		if d.Reduced {
			low = a.Minimum
		}
		if d.Amount != 0 && (d.Amount > b.MaxAward || d.Amount > a.Requested || d.Amount < low) {
			t.Fatalf("seed %d: %s gets %d (requested %d, minimum %d, max %d)", seed, a.ID, d.Amount, a.Requested, a.Minimum, b.MaxAward)
		}
		spent += d.Amount
	}
	if spent != p.Spent || spent > b.Total || p.Spent+p.Left != b.Total {
		t.Fatalf("seed %d: spent %d (reported %d, left %d) of %d", seed, spent, p.Spent, p.Left, b.Total)
	}
}

func TestHugeBudgetStaysWithinLimits(t *testing.T) {
	g := newGenerator(1)
	apps, _ := randomGrantCall(g, 300, true)
	b := GrantBudget{Total: 900_000_000 * euro, MaxAward: 15_000 * euro}
	if unit := coarsen(1, b.Total/100, len(apps)); int64(len(apps))*(b.Total/100/unit+1) > maxKnapsackCells {
		t.Fatalf("unit %d leaves the table too large", unit)
	}
	got, err := AllocateBudget(apps, b)
	if err != nil {
		t.Fatal(err)
	}
	checkProposal(t, 1, apps, b, got.Optimal)
}
