package domain

// transitions lists, for each state, the states it may move to. State
// machines are plain tables so that tests and pages read the same rules.
type transitions[S ~string] map[S][]S

// allows reports whether a move from one state to another is in the table.
func (t transitions[S]) allows(from, to S) bool {
	for _, next := range t[from] {
		if next == to {
			return true
		}
	}
	return false
}

// sources returns the states from which to can be reached, for conditional
// updates that must match only documents still in one of them.
func (t transitions[S]) sources(to S) []S {
	var from []S
	for state, next := range t {
		for _, n := range next {
			if n == to {
				from = append(from, state)
			}
		}
	}
	return from
}
