package matching

import (
	"fmt"
	"slices"
	"testing"
)

func randomCampaign(g *generator, groups, sessions int, share float64) Campaign {
	c := Campaign{PriorityShare: share, Seed: g.rng.Uint64()}
	for i := range sessions {
		s := Session{ID: fmt.Sprintf("S%04d", i), HalfDay: fmt.Sprintf("D%d", i%7), Capacity: 10 + g.rng.IntN(51)}
		if g.chance(0.3) {
			s.MinGroup, s.MaxGroup = 5+g.rng.IntN(10), 20+g.rng.IntN(20)
		}
		c.Sessions = append(c.Sessions, s)
	}
	for i := range groups {
		gr := Group{ID: fmt.Sprintf("G%04d", i), SchoolID: fmt.Sprintf("E%03d", i/3), Priority: g.chance(0.3),
			Size: 5 + g.rng.IntN(31)}
		for _, si := range g.rng.Perm(sessions)[:min(sessions, g.rng.IntN(MaxWishes+1))] {
			gr.Wishes = append(gr.Wishes, c.Sessions[si].ID)
		}
		c.Groups = append(c.Groups, gr)
	}
	return c
}

// audit recomputes, from the campaign and the outcome alone, everything the
// allocation promises, independently of how it was computed.
type audit struct {
	t       *testing.T
	c       Campaign
	a       Allocation
	session map[string]Session
	called  map[string]int // group ID → call position
	outcome map[string]GroupResult
}

func newAudit(t *testing.T, c Campaign, a Allocation) *audit {
	au := &audit{t: t, c: c, a: a, session: map[string]Session{}, called: map[string]int{}, outcome: map[string]GroupResult{}}
	for _, s := range c.Sessions {
		au.session[s.ID] = s
	}
	for i, id := range a.CallOrder {
		au.called[id] = i
	}
	for _, r := range a.Groups {
		au.outcome[r.GroupID] = r
	}
	return au
}

func (au *audit) feasible() {
	seats := map[string]int{}
	halfDays := map[string]bool{}
	for _, g := range au.c.Groups {
		r := au.outcome[g.ID]
		if r.SessionID == "" {
			continue
		}
		s := au.session[r.SessionID]
		if r.Wish < 1 || g.Wishes[r.Wish-1] != r.SessionID || !sizeFits(g.Size, s) {
			au.t.Fatalf("group %s got %s (wish %d) it did not wish or does not fit", g.ID, r.SessionID, r.Wish)
		}
		if halfDays[g.ID+s.HalfDay] {
			au.t.Fatalf("group %s twice in half-day %s", g.ID, s.HalfDay)
		}
		halfDays[g.ID+s.HalfDay] = true
		seats[s.ID] += g.Size
	}
	for _, s := range au.c.Sessions {
		if seats[s.ID] > s.Capacity {
			au.t.Fatalf("session %s: %d seats for capacity %d", s.ID, seats[s.ID], s.Capacity)
		}
	}
}

// stable checks every wish a group ranked above its outcome: when the group
// was called, the session had no room for it (beyond the reserve held for
// priority groups still to come, when the group is not one).
func (au *audit) stable() {
	for _, g := range au.c.Groups {
		r := au.outcome[g.ID]
		for _, id := range betterWishes(g, r) {
			s, ok := au.session[id]
			if ok && sizeFits(g.Size, s) && au.roomWhenCalled(g, s) >= g.Size {
				au.t.Fatalf("group %s (priority %v, size %d) prefers %s, which had room when it was called: %s",
					g.ID, g.Priority, g.Size, id, r.Explanation)
			}
		}
	}
}

func (au *audit) roomWhenCalled(g Group, s Session) int {
	used, priorityUsed, pending := 0, 0, 0
	for _, h := range au.c.Groups {
		earlier := au.called[h.ID] < au.called[g.ID]
		if earlier && au.outcome[h.ID].SessionID == s.ID {
			used += h.Size
			if h.Priority {
				priorityUsed += h.Size
			}
		}
		if !earlier && h.ID != g.ID && h.Priority && slices.Contains(h.Wishes, s.ID) && sizeFits(h.Size, s) {
			pending += h.Size
		}
	}
	room := s.Capacity - used
	if !g.Priority {
		room -= min(max(0, reservedSeats(au.c.PriorityShare, s.Capacity)-priorityUsed), pending)
	}
	return room
}

// noWaste checks that no priority group prefers a session with room for it
// at the end, and that the groups called after it there would not make room.
func (au *audit) noWasteForPriority() {
	seats := map[string]int{}
	for _, r := range au.a.Sessions {
		seats[r.SessionID] = r.Seats
	}
	for _, g := range au.c.Groups {
		if !g.Priority {
			continue
		}
		for _, id := range betterWishes(g, au.outcome[g.ID]) {
			if s, ok := au.session[id]; ok && sizeFits(g.Size, s) && s.Capacity-seats[id]+au.seatsAfter(g, id) >= g.Size {
				au.t.Fatalf("priority group %s envies %s", g.ID, id)
			}
		}
	}
}

// betterWishes are the wishes ranked above the outcome (all when none).
func betterWishes(g Group, r GroupResult) []string {
	if r.Wish == 0 {
		return g.Wishes
	}
	return g.Wishes[:r.Wish-1]
}

func (au *audit) seatsAfter(g Group, sessionID string) int {
	seats := 0
	for _, h := range au.c.Groups {
		if au.called[h.ID] > au.called[g.ID] && au.outcome[h.ID].SessionID == sessionID {
			seats += h.Size
		}
	}
	return seats
}

func TestAllocationProperties(t *testing.T) {
	for seed := range uint64(300) {
		g := newGenerator(seed)
		share := []float64{0, 0.2, 0.3, 0.5}[seed%4]
		c := randomCampaign(g, 5+g.rng.IntN(60), 1+g.rng.IntN(20), share)
		a, err := Allocate(c)
		if err != nil {
			t.Fatal(err)
		}
		au := newAudit(t, c, a)
		au.feasible()
		au.stable()
		au.noWasteForPriority()
	}
}
