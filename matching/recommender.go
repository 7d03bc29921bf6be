package matching

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// Recommender ranks published offers for youths. Build it once from every
// open offer (it is read-only afterwards, so safe for concurrent use).
//
// Offers are indexed in two levels: groups by type and set of interests
// (ROME sub-domain, tension family), and within them buckets by 1.5 km grid
// cell. Each keeps a summary (cells covered, interests present, lowest
// level, ESS, newest), from which a query computes the best score any of its
// offers could reach. A search takes the groups best first, scores the
// buckets of a group that could still enter the top k, and stops as soon as
// no group left can beat the k-th offer found: the result is exactly the
// brute-force top k, for a few hundred offers scored instead of all.
type Recommender struct {
	points    points
	weights   Weights
	offers    []Offer // in index order
	indexed   []indexedOffer
	ids       map[string]int
	interests interner
	types     interner
	kinds     interner // interest sets
	groups    []node   // ranges of buckets
	buckets   []node   // ranges of offers
}

type indexedOffer struct {
	place      xy
	cell       cell
	typ        int32
	kind       int32 // the set of interests
	level      int32
	ageMin     int32
	ageMax     int32
	interests  []int32
	start, end int64 // Unix nanoseconds, 0 when unset
	published  int64
	rank       int32 // position of the offer ID in ID order: the tie-breaker
	ess        bool
}

// NewRecommender indexes the open offers among offers.
func NewRecommender(offers []Offer, w Weights) (*Recommender, error) {
	if err := w.Validate(); err != nil {
		return nil, err
	}
	r := &Recommender{points: w.points(), weights: w, ids: map[string]int{}, interests: interner{}, types: interner{},
		kinds: interner{}}
	r.offers = openOffersInIndexOrder(offers)
	r.index()
	return r, nil
}

func openOffersInIndexOrder(offers []Offer) []Offer {
	open := slices.DeleteFunc(slices.Clone(offers), func(o Offer) bool { return !o.Open })
	slices.SortFunc(open, func(a, b Offer) int {
		ca, cb := project(a.Place).cell(), project(b.Place).cell()
		return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(interestSet(a), interestSet(b)),
			cmp.Compare(ca.x, cb.x), cmp.Compare(ca.y, cb.y), cmp.Compare(a.ID, b.ID))
	})
	return open
}

// interestSet names an offer's set of interest keys.
func interestSet(o Offer) string {
	keys := make([]string, len(o.Interests))
	for i, in := range o.Interests {
		keys[i] = in.Key
	}
	slices.Sort(keys)
	return strings.Join(keys, "\x00")
}

func (r *Recommender) index() {
	r.indexed = make([]indexedOffer, len(r.offers))
	for i, o := range r.offers {
		r.ids[o.ID] = i
		r.indexed[i] = r.indexOffer(o)
	}
	r.rankByID()
	r.buckets = ranges(len(r.indexed), func(a, b int) bool {
		x, y := &r.indexed[a], &r.indexed[b]
		return x.typ == y.typ && x.kind == y.kind && x.cell == y.cell
	}, r.summariseOffers)
	r.groups = ranges(len(r.buckets), func(a, b int) bool {
		x, y := &r.indexed[r.buckets[a].first], &r.indexed[r.buckets[b].first]
		return x.typ == y.typ && x.kind == y.kind
	}, r.summariseBuckets)
}

// ranges cuts 0..n into runs of items same as the run's first one.
func ranges(n int, same func(a, b int) bool, summarise func(first, last int) summary) []node {
	var nodes []node
	for first := 0; first < n; {
		last := first + 1
		for last < n && same(first, last) {
			last++
		}
		nodes = append(nodes, node{summary: summarise(first, last), first: first, last: last})
		first = last
	}
	return nodes
}

func (r *Recommender) summariseOffers(first, last int) summary {
	s := newSummary(&r.indexed[first], len(r.interests))
	for i := first; i < last; i++ {
		s.include(&r.indexed[i])
	}
	return s
}

func (r *Recommender) summariseBuckets(first, last int) summary {
	s := r.buckets[first].summary
	s.interests = slices.Clone(s.interests)
	for i := first + 1; i < last; i++ {
		s.merge(&r.buckets[i].summary)
	}
	return s
}

func (r *Recommender) indexOffer(o Offer) indexedOffer {
	ix := indexedOffer{place: project(o.Place), typ: r.types.id(o.Type), kind: r.kinds.id(interestSet(o)), level: int32(o.Level),
		ageMin: int32(o.AgeMin), ageMax: int32(o.AgeMax), start: nanos(o.Start), end: nanos(o.End),
		published: publishedNanos(o.Published), ess: o.ESS}
	ix.cell = ix.place.cell()
	for _, in := range o.Interests {
		ix.interests = append(ix.interests, r.interests.id(in.Key))
	}
	return ix
}

func (r *Recommender) rankByID() {
	order := make([]int, len(r.offers))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(r.offers[a].ID, r.offers[b].ID) })
	for rank, i := range order {
		r.indexed[i].rank = int32(rank)
	}
}

func nanos(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

// Len is the number of offers indexed.
func (r *Recommender) Len() int { return len(r.offers) }

// Explain scores one indexed offer for y in full, with its reasons.
func (r *Recommender) Explain(y Youth, offerID string, now time.Time) (Match, error) {
	i, ok := r.ids[offerID]
	if !ok {
		return Match{}, ErrUnknownOffer
	}
	return Score(y, r.offers[i], now, r.weights)
}
