package matching

// Visit-campaign allocation.
//
// Mechanism: serial dictatorship along a single call order, with seats
// reserved for priority-education groups in each session.
//
//  1. A lottery fixed by the campaign's seed orders the groups (sorted by ID
//     first, so the input order does not matter).
//  2. As in Parcoursup's call order, the list is merged so that among the
//     first i groups called, at least ⌈share·i⌉ are priority-education
//     groups (REP, REP+, QPV) while any remain.
//  3. Each group in turn gets its best wish that still has room for its
//     whole size and accepts that size. For a group outside priority
//     education, "room" excludes the seats still reserved in the session
//     (⌈share·capacity⌉ less the seats priority groups already hold), and a
//     reserve is only held while some priority group yet to be called wished
//     the session, so no seat is kept for a demand that does not exist.
//
// Properties, with variable group sizes:
//   - capacities, minimum and maximum group sizes are respected; a group gets
//     at most one session, so never two in the same half-day;
//   - no priority group prefers a session that has room for it, nor one whose
//     groups called after it would, removed, make room for it (no justified
//     envy, no waste);
//   - a group outside priority education that prefers a session found, when
//     called, fewer free seats than its size outside the reserve — the
//     explanation says which;
//   - without reserved seats, the result is Pareto-efficient for the groups
//     (no other assignment is better for one group and worse for none), and
//     stating one's true wishes is a dominant strategy (strategy-proof).
//
// What it does not give: group-proposing deferred acceptance with
// session-specific priorities may have no stable outcome once groups have
// different sizes (a big group that does not fit frees room a smaller one
// could have used); a single call order avoids that at the price of every
// session sharing it. Reserved seats can stay empty when the priority group
// that wished a session got a better one after the reserve turned away
// another group; the explanation says so and staff can re-run after moving
// the reserve.

// MaxWishes is how many sessions a counsellor may rank for one group.
const MaxWishes = 10

// Group is a class or cohort a counsellor entered in the campaign.
type Group struct {
	ID       string
	SchoolID string
	Priority bool // the school is in priority education (REP, REP+) or a QPV
	Size     int  // youths
	Wishes   []string
}

// Session is a visit slot of the campaign.
type Session struct {
	ID       string
	HalfDay  string // e.g. "2027-03-15 PM"
	Capacity int    // youths
	MinGroup int    // 0: no minimum
	MaxGroup int    // 0: no maximum
}

// Campaign is everything the allocation needs.
type Campaign struct {
	Sessions      []Session
	Groups        []Group
	PriorityShare float64 // in [0, 1]: call-order rate and reserved share of each session
	Seed          uint64  // fixes the lottery; record it to replay the allocation
}

// Allocation is the outcome, in the order of the campaign's groups and
// sessions, with the call order used.
type Allocation struct {
	Groups    []GroupResult
	Sessions  []SessionResult
	CallOrder []string // group IDs
}

// GroupResult is one group's outcome and why.
type GroupResult struct {
	GroupID     string
	SchoolID    string
	SessionID   string // "" when no wish could be met
	Wish        int    // 1-based rank of the wish obtained, 0 when none
	CallRank    int    // 1-based position in the call order
	Missed      []MissedWish
	Explanation string // "vœu n°2 obtenu ; vœu n°1 complet"
}

// MissedWish is a better wish the group did not get, and why.
type MissedWish struct {
	SessionID string
	Reason    MissReason
}

// MissReason says why a wish was not met.
type MissReason string

const (
	MissFull     MissReason = "full"
	MissReserved MissReason = "reserved"
	MissSize     MissReason = "size"
	MissUnknown  MissReason = "unknown"
)

// SessionResult is a session's outcome.
type SessionResult struct {
	SessionID     string
	HalfDay       string
	Groups        []string // in call order
	Seats         int
	PrioritySeats int
	Reserved      int // seats reserved for priority groups
}
