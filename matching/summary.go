package matching

// summary is the best of what a range of offers holds for any youth: the
// cells they lie in, their interests, lowest level, ESS, newest publication.
// A query turns it into an upper bound of their scores.
type summary struct {
	typ       int32
	lo, hi    cell
	interests bitset
	minLevel  int32
	anyESS    bool
	newest    int64
}

// node is a bucket (a range of offers sharing type, first interest and
// cell) or a group (a range of buckets sharing type and first interest).
type node struct {
	summary
	first, last int
}

func newSummary(o *indexedOffer, interests int) summary {
	return summary{typ: o.typ, lo: o.cell, hi: o.cell, interests: newBitset(interests), minLevel: o.level,
		newest: o.published}
}

func (s *summary) include(o *indexedOffer) {
	for _, id := range o.interests {
		s.interests.set(id)
	}
	s.merge(&summary{lo: o.cell, hi: o.cell, minLevel: o.level, anyESS: o.ess, newest: o.published})
}

func (s *summary) merge(o *summary) {
	for i, word := range o.interests {
		s.interests[i] |= word
	}
	s.lo, s.hi = cell{min(s.lo.x, o.lo.x), min(s.lo.y, o.lo.y)}, cell{max(s.hi.x, o.hi.x), max(s.hi.y, o.hi.y)}
	s.minLevel = min(s.minLevel, o.minLevel)
	s.anyESS = s.anyESS || o.anyESS
	s.newest = max(s.newest, o.newest)
}
