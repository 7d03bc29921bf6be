package matching

import (
	"fmt"
	"testing"
)

// BenchmarkKnapsack is 200 applications for a 100 000 € budget with amounts
// to the euro (so no common divisor shrinks the table), with and without
// reduced awards.
func BenchmarkKnapsack(b *testing.B) {
	for _, reduced := range []bool{false, true} {
		b.Run(fmt.Sprintf("reduced=%v", reduced), func(b *testing.B) {
			g := newGenerator(2026)
			apps := make([]GrantApplication, 200)
			for i := range apps {
				requested := int64(2_000+g.rng.IntN(13_001)) * euro
				apps[i] = GrantApplication{ID: fmt.Sprintf("A%03d", i), Score: float64(g.rng.IntN(200)) / 10,
					Requested: requested, Minimum: requested * 6 / 10 / euro * euro}
			}
			budget := GrantBudget{Total: 100_000 * euro, MaxAward: 15_000 * euro, AllowReduced: reduced}
			for b.Loop() {
				if _, err := AllocateBudget(apps, budget); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
