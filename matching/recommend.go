package matching

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// TopK returns the k best offers for y on day now, best first, each with its
// reasons. Equal scores are ordered by offer ID.
func (r *Recommender) TopK(y Youth, k int, now time.Time) []Match {
	hits := r.newSearcher().find(y, k, now)
	matches := make([]Match, len(hits))
	for i, h := range hits {
		f := factsOf(y, r.offers[h.offer], now)
		matches[i] = f.match(y.ID, r.offers[h.offer].ID, &r.points)
	}
	return matches
}

// Ranked is a recommendation without its reasons (see Explain): the weekly
// digest ranks every youth at once and explains only what it sends.
type Ranked struct {
	OfferID string
	Score   float64
}

// batchChunk is how many youths a worker takes at a time: small enough to
// balance the load, large enough to make the hand-over negligible.
const batchChunk = 256

// Batch returns the top k of every youth, in the order of youths, computed
// by workers goroutines (runtime.GOMAXPROCS when workers <= 0).
func (r *Recommender) Batch(youths []Youth, k int, now time.Time, workers int) [][]Ranked {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	out := make([][]Ranked, len(youths))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() { r.batchWorker(youths, k, now, out, &next) })
	}
	wg.Wait()
	return out
}

func (r *Recommender) batchWorker(youths []Youth, k int, now time.Time, out [][]Ranked, next *atomic.Int64) {
	s := r.newSearcher()
	for {
		first := int(next.Add(batchChunk)) - batchChunk
		if first >= len(youths) {
			return
		}
		for i := first; i < min(first+batchChunk, len(youths)); i++ {
			out[i] = r.ranked(s, youths[i], k, now)
		}
	}
}

func (r *Recommender) ranked(s *searcher, y Youth, k int, now time.Time) []Ranked {
	hits := s.find(y, k, now)
	ranked := make([]Ranked, len(hits))
	for i, h := range hits {
		ranked[i] = Ranked{OfferID: r.offers[h.offer].ID, Score: h.score}
	}
	return ranked
}
