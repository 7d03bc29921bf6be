package matching

import (
	"errors"
	"time"
)

// ErrUnknownOffer is returned when explaining an offer the index lacks.
var ErrUnknownOffer = errors.New("matching: unknown offer")

// query is a youth prepared for the index.
type query struct {
	home         xy
	located      bool
	reach        float64
	interests    bitset
	types        bitset
	level        int32
	ess          bool
	age          int32
	now          int64
	availability [2]int64 // from, to; 0 when unset
}

// searcher holds one goroutine's scratch space.
type searcher struct {
	r        *Recommender
	q        query
	frontier boundHeap
	best     hitHeap
}

func (r *Recommender) newSearcher() *searcher {
	return &searcher{r: r, q: query{interests: newBitset(len(r.interests)), types: newBitset(len(r.types))},
		frontier: make(boundHeap, 0, len(r.groups))}
}

// prepare fills s.q for y; it returns false when y can see no offer at all.
func (s *searcher) prepare(y Youth, now time.Time) bool {
	age := y.Age(now)
	if age < GuardianConsentAge && !y.GuardianConsent {
		return false
	}
	s.q.home, s.q.located, s.q.reach = project(y.Home), y.Home.Known(), reach(y.mobilityKm())
	s.r.interests.setOf(y.Interests, s.q.interests)
	s.r.types.setOf(y.WantedTypes, s.q.types)
	s.q.level, s.q.ess, s.q.age, s.q.now = int32(y.Level), y.ESSInterest, int32(age), now.UnixNano()
	s.q.availability = [2]int64{nanos(y.AvailableFrom), nanos(y.AvailableTo)}
	return true
}

// find returns the k best hits for y, best first.
func (s *searcher) find(y Youth, k int, now time.Time) []hit {
	if k <= 0 || !s.prepare(y, now) {
		return nil
	}
	return s.topK(k)
}

// topK returns the k best hits for the prepared query, best first.
func (s *searcher) topK(k int) []hit {
	s.best, s.frontier = s.best[:0], s.frontier[:0]
	for i := range s.r.groups {
		s.frontier = append(s.frontier, bound{score: s.bound(&s.r.groups[i].summary), node: int32(i)})
	}
	s.frontier.init()
	for len(s.frontier) > 0 {
		top := s.frontier.pop()
		if len(s.best) == k && top.score < s.best[0].score {
			break
		}
		s.expand(&s.r.groups[top.node], k)
	}
	return s.best.drain()
}

// expand scores the buckets of group g that could still enter the top k.
func (s *searcher) expand(g *node, k int) {
	for i := g.first; i < g.last; i++ {
		b := &s.r.buckets[i]
		if len(s.best) < k || s.bound(&b.summary) >= s.best[0].score {
			s.scoreBucket(b, k)
		}
	}
}

// bound is the best score any offer summarised by sum could reach.
func (s *searcher) bound(sum *summary) float64 {
	var v [criterionCount]float64
	if s.q.located {
		v[CriterionDistance] = distanceValue(s.q.home.minDistance(sum.lo, sum.hi), s.q.reach)
	}
	v[CriterionInterest] = flag(sum.interests.intersects(s.q.interests))
	v[CriterionType] = flag(s.q.types.has(sum.typ))
	v[CriterionLevel] = levelValue(int(s.q.level), int(sum.minLevel))
	v[CriterionESS] = flag(s.q.ess && sum.anyESS)
	v[CriterionFreshness] = freshnessValue(ageDays(sum.newest, s.q.now))
	return s.r.points.total(&v)
}

func (s *searcher) scoreBucket(b *node, k int) {
	typeValue := flag(s.q.types.has(b.typ))
	for i := b.first; i < b.last; i++ {
		o := &s.r.indexed[i]
		if !s.eligible(o) {
			continue
		}
		h := hit{score: s.score(o, typeValue), rank: o.rank, offer: int32(i)}
		s.best.offer(h, k)
	}
}

// eligible mirrors check for the constraints that depend on the offer.
func (s *searcher) eligible(o *indexedOffer) bool {
	q := &s.q
	from, to := q.availability[0], q.availability[1]
	return (o.ageMin == 0 || q.age >= o.ageMin) && (o.ageMax == 0 || q.age <= o.ageMax) &&
		(o.end == 0 || o.end >= q.now) &&
		!(to != 0 && o.start != 0 && o.start > to) && !(from != 0 && o.end != 0 && o.end < from)
}

// score mirrors factsOf on the indexed representation.
func (s *searcher) score(o *indexedOffer, typeValue float64) float64 {
	var v [criterionCount]float64
	if s.q.located {
		v[CriterionDistance] = distanceValue(s.q.home.distance(o.place), s.q.reach)
	}
	for _, id := range o.interests {
		if s.q.interests.has(id) {
			v[CriterionInterest] = 1
			break
		}
	}
	v[CriterionType] = typeValue
	v[CriterionLevel] = levelValue(int(s.q.level), int(o.level))
	v[CriterionESS] = flag(s.q.ess && o.ess)
	v[CriterionFreshness] = freshnessValue(ageDays(o.published, s.q.now))
	return s.r.points.total(&v)
}
