package matching

import "testing"

// wishRank is 0 for the first wish, len(wishes) for nothing.
func wishRank(g Group, sessionID string) int {
	for i, id := range g.Wishes {
		if id == sessionID {
			return i
		}
	}
	return len(g.Wishes)
}

// wishesUpTo returns the wishes ranked at or above sessionID (all when the
// group got nothing).
func wishesUpTo(g Group, sessionID string) []string {
	return g.Wishes[:min(len(g.Wishes), wishRank(g, sessionID)+1)]
}

// dominating enumerates every feasible assignment and returns one that is
// at least as good for every group and better for one, or nil.
func dominating(c Campaign, got []int) []int {
	capacity := map[string]int{}
	for _, s := range c.Sessions {
		capacity[s.ID] = s.Capacity
	}
	choice := make([]int, len(c.Groups))
	var search func(i int) []int
	search = func(i int) []int {
		if i == len(c.Groups) {
			return dominatesIfBetter(choice, got)
		}
		g := c.Groups[i]
		for option := 0; option <= len(g.Wishes); option++ {
			if option < len(g.Wishes) && capacity[g.Wishes[option]] < g.Size {
				continue
			}
			if option < len(g.Wishes) {
				capacity[g.Wishes[option]] -= g.Size
			}
			choice[i] = option
			found := search(i + 1)
			if option < len(g.Wishes) {
				capacity[g.Wishes[option]] += g.Size
			}
			if found != nil {
				return found
			}
		}
		return nil
	}
	return search(0)
}

func dominatesIfBetter(choice, got []int) []int {
	better := false
	for i := range choice {
		if choice[i] > got[i] {
			return nil
		}
		better = better || choice[i] < got[i]
	}
	if better {
		return append([]int(nil), choice...)
	}
	return nil
}

// TestAllocationIsParetoEfficientWithoutReserve checks, by brute force on
// small instances, that no assignment is better for a group and worse for none.
func TestAllocationIsParetoEfficientWithoutReserve(t *testing.T) {
	for seed := range uint64(400) {
		g := newGenerator(seed)
		c := randomCampaign(g, 2+g.rng.IntN(5), 1+g.rng.IntN(4), 0)
		for i := range c.Sessions {
			c.Sessions[i].MinGroup, c.Sessions[i].MaxGroup = 0, 0 // sizes are checked elsewhere
		}
		for i := range c.Groups {
			c.Groups[i].Wishes = c.Groups[i].Wishes[:min(3, len(c.Groups[i].Wishes))]
		}
		a, err := Allocate(c)
		if err != nil {
			t.Fatal(err)
		}
		got := make([]int, len(c.Groups))
		for i, gr := range c.Groups {
			got[i] = wishRank(gr, a.Groups[i].SessionID)
		}
		if better := dominating(c, got); better != nil {
			t.Fatalf("seed %d: %v (wish ranks) dominates the allocation %v", seed, better, got)
		}
	}
}

// TestReserveGuaranteesTheShare checks with single-youth groups (where seats
// and groups coincide) that every session gives priority groups at least its
// reserve, or all the priority groups that wanted it and got nothing better.
func TestReserveGuaranteesTheShare(t *testing.T) {
	for seed := range uint64(300) {
		g := newGenerator(seed)
		c := randomCampaign(g, 10+g.rng.IntN(80), 1+g.rng.IntN(8), []float64{0.2, 0.3, 0.5}[seed%3])
		for i := range c.Groups {
			c.Groups[i].Size = 1
		}
		for i := range c.Sessions {
			c.Sessions[i].MinGroup, c.Sessions[i].MaxGroup = 0, 0
			c.Sessions[i].Capacity = 1 + g.rng.IntN(12)
		}
		a, err := Allocate(c)
		if err != nil {
			t.Fatal(err)
		}
		checkShare(t, seed, c, a)
	}
}

func checkShare(t *testing.T, seed uint64, c Campaign, a Allocation) {
	demand := map[string]int{}
	for i, gr := range c.Groups {
		if !gr.Priority {
			continue
		}
		for _, id := range wishesUpTo(gr, a.Groups[i].SessionID) {
			demand[id]++
		}
	}
	for i, s := range c.Sessions {
		r := a.Sessions[i]
		if want := min(reservedSeats(c.PriorityShare, s.Capacity), demand[s.ID]); r.PrioritySeats < want {
			t.Fatalf("seed %d session %s: %d priority seats, want ≥ %d (reserve %d, demand %d)", seed, s.ID,
				r.PrioritySeats, want, r.Reserved, demand[s.ID])
		}
	}
}
