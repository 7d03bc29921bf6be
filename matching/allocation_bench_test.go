package matching

import "testing"

// BenchmarkAllocate is a campaign of 500 groups with 10 wishes each over
// 2 000 sessions, 30 % of the seats reserved for priority education.
func BenchmarkAllocate(b *testing.B) {
	g := newGenerator(2026)
	c := randomCampaign(g, 500, 2000, 0.3)
	for i := range c.Groups {
		for len(c.Groups[i].Wishes) < MaxWishes {
			c.Groups[i].Wishes = nil
			for _, si := range g.rng.Perm(len(c.Sessions))[:MaxWishes] {
				c.Groups[i].Wishes = append(c.Groups[i].Wishes, c.Sessions[si].ID)
			}
		}
	}
	for b.Loop() {
		if _, err := Allocate(c); err != nil {
			b.Fatal(err)
		}
	}
}
