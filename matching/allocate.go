package matching

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
)

// Allocate assigns the campaign's groups to sessions (see the mechanism
// above). It is deterministic for a given campaign and seed.
func Allocate(c Campaign) (Allocation, error) {
	if err := c.validate(); err != nil {
		return Allocation{}, err
	}
	a := newAllocator(c)
	for rank, g := range a.order {
		a.call(g, rank+1)
	}
	return a.result(), nil
}

// allocator is the state of one allocation run.
type allocator struct {
	c        Campaign
	session  map[string]int // session ID → index
	order    []int          // group indices in call order
	results  []GroupResult
	sessions []SessionResult
	pending  []int // seats wished by priority groups not yet called, per session
}

func newAllocator(c Campaign) *allocator {
	a := &allocator{c: c, session: map[string]int{}, results: make([]GroupResult, len(c.Groups)),
		sessions: make([]SessionResult, len(c.Sessions)), pending: make([]int, len(c.Sessions))}
	for i, s := range c.Sessions {
		a.session[s.ID] = i
		a.sessions[i] = SessionResult{SessionID: s.ID, HalfDay: s.HalfDay, Reserved: reservedSeats(c.PriorityShare, s.Capacity)}
	}
	for _, g := range c.Groups {
		a.addPending(g, 1)
	}
	a.order = callOrder(c.Groups, c.PriorityShare, c.Seed)
	return a
}

func reservedSeats(share float64, capacity int) int {
	return int(math.Ceil(share*float64(capacity) - 1e-9))
}

// addPending counts (sign 1) or discounts (sign -1) a priority group's
// demand on the sessions it wished and could attend.
func (a *allocator) addPending(g Group, sign int) {
	if !g.Priority {
		return
	}
	for _, id := range g.Wishes {
		if i, ok := a.session[id]; ok && sizeFits(g.Size, a.c.Sessions[i]) {
			a.pending[i] += sign * g.Size
		}
	}
}

func sizeFits(size int, s Session) bool {
	return size >= s.MinGroup && (s.MaxGroup == 0 || size <= s.MaxGroup)
}

// call gives group gi its best wish that has room, recording the others.
func (a *allocator) call(gi, rank int) {
	g := a.c.Groups[gi]
	a.addPending(g, -1)
	res := GroupResult{GroupID: g.ID, SchoolID: g.SchoolID, CallRank: rank}
	for w, id := range g.Wishes {
		reason, si := a.admits(g, id)
		if reason == "" {
			res.SessionID, res.Wish = id, w+1
			a.seat(g, si)
			break
		}
		res.Missed = append(res.Missed, MissedWish{SessionID: id, Reason: reason})
	}
	res.Explanation = explainGroup(g, res)
	a.results[gi] = res
}

// admits returns why session id cannot take g now, or "" and its index.
func (a *allocator) admits(g Group, id string) (MissReason, int) {
	si, ok := a.session[id]
	if !ok {
		return MissUnknown, -1
	}
	s, r := a.c.Sessions[si], &a.sessions[si]
	free := s.Capacity - r.Seats
	switch {
	case !sizeFits(g.Size, s):
		return MissSize, si
	case free < g.Size:
		return MissFull, si
	case !g.Priority && free-a.heldReserve(si) < g.Size:
		return MissReserved, si
	}
	return "", si
}

// heldReserve is how many seats of session si are still kept for priority
// groups: the unfilled reserve, as long as some priority group to come wants it.
func (a *allocator) heldReserve(si int) int {
	r := &a.sessions[si]
	return min(max(0, r.Reserved-r.PrioritySeats), a.pending[si])
}

func (a *allocator) seat(g Group, si int) {
	r := &a.sessions[si]
	r.Groups = append(r.Groups, g.ID)
	r.Seats += g.Size
	if g.Priority {
		r.PrioritySeats += g.Size
	}
}

func (a *allocator) result() Allocation {
	order := make([]string, len(a.order))
	for i, gi := range a.order {
		order[i] = a.c.Groups[gi].ID
	}
	return Allocation{Groups: a.results, Sessions: a.sessions, CallOrder: order}
}

// callOrder draws the lottery and merges it Parcoursup-style so that at
// least ⌈share·i⌉ of the first i groups called are priority groups.
func callOrder(groups []Group, share float64, seed uint64) []int {
	lottery := make([]int, len(groups))
	for i := range lottery {
		lottery[i] = i
	}
	slices.SortFunc(lottery, func(a, b int) int { return cmp.Compare(groups[a].ID, groups[b].ID) })
	rand.New(rand.NewPCG(seed, seed)).Shuffle(len(lottery), func(i, j int) { lottery[i], lottery[j] = lottery[j], lottery[i] })
	priority := slices.DeleteFunc(slices.Clone(lottery), func(gi int) bool { return !groups[gi].Priority })
	return mergeCallOrder(groups, priority, lottery, share)
}

// mergeCallOrder interleaves two queues in lottery order: the priority
// groups and all groups.
func mergeCallOrder(groups []Group, priority, all []int, share float64) []int {
	called := make([]bool, len(groups))
	order := make([]int, 0, len(groups))
	priorityCalled := 0
	for len(order) < len(groups) {
		for len(priority) > 0 && called[priority[0]] {
			priority = priority[1:]
		}
		for called[all[0]] {
			all = all[1:]
		}
		next := all[0]
		if len(priority) > 0 && float64(priorityCalled) < math.Ceil(share*float64(len(order)+1)-1e-9) {
			next = priority[0]
		}
		called[next] = true
		order = append(order, next)
		if groups[next].Priority {
			priorityCalled++
		}
	}
	return order
}
