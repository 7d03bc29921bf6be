package embedded

import (
	"container/heap"
	"context"
	"math"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"

	"passerelle/search"
)

// collecting hands every match of inner to a collection, which ranks,
// counts and keeps the radius with the offers' facts; Bleve's own collector
// is left nothing to do, as it would read each match's doc values again.
type collecting struct {
	inner query.Query
	into  *collection
}

func (q collecting) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping,
	options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	inner, err := q.inner.Searcher(ctx, i, m, options)
	if err != nil {
		return nil, err
	}
	slotOf := q.into.facts.slotsIn(i)
	return searcher.NewFilteringSearcher(ctx, inner, func(_ *bsearch.SearchContext, d *bsearch.DocumentMatch) bool {
		slot, err := slotOf(d.IndexInternalID)
		if err != nil {
			q.into.err = err
		}
		q.into.add(slot, d.Score)
		return false
	}), nil
}

// collection is one search's matches: how many lie within the radius, their
// facet counts, and the best offset+perPage of them in the query's order.
// Its reader holds the fact store's read lock.
type collection struct {
	facts  *factStore
	q      search.Query
	key    func(f *facts, score float64) float64 // smaller first, then by ID
	keep   int
	total  int
	asked  []bool  // by facet number
	counts []int32 // by value number
	best   candidates
	err    error
}

type candidate struct {
	id  string
	key float64
}

func newCollection(facts *factStore, q search.Query) *collection {
	c := &collection{facts: facts, q: q, key: sortKey(q), keep: q.Offset() + q.PerPage}
	if len(q.Facets) > 0 {
		c.asked = make([]bool, len(search.Facets))
		for _, f := range q.Facets {
			c.asked[facetNumbers[f]] = true
		}
		c.counts = make([]int32, len(facts.values))
	}
	return c
}

// sortKey orders as the Meilisearch adapter does: missing dates last, ties
// by ID.
func sortKey(q search.Query) func(f *facts, score float64) float64 {
	missingLast := func(ns int64, sign float64) float64 {
		if ns == 0 {
			return math.Inf(1)
		}
		return sign * float64(ns)
	}
	switch {
	case q.Sort == search.SortDistance:
		return func(f *facts, _ float64) float64 { return search.DistanceKm(*q.Near, f.point) }
	case q.Sort == search.SortStartDate:
		return func(f *facts, _ float64) float64 { return missingLast(f.start, 1) }
	case q.Sort == search.SortNewest || !search.HasWords(q.Text):
		return func(f *facts, _ float64) float64 { return missingLast(f.published, -1) }
	}
	return func(_ *facts, score float64) float64 { return -score }
}

// scored reports whether the query ranks by Bleve's score.
func scored(q search.Query) bool {
	return q.Sort != search.SortDistance && q.Sort != search.SortStartDate && q.Sort != search.SortNewest &&
		search.HasWords(q.Text)
}

// add counts and ranks a match by its fact slot; a match without facts
// (-1: indexed a moment ago, or deleted since) is left for the next search.
// The facts are read only as needed: ranked by score alone, most matches
// rank below the page's last and read none.
func (c *collection) add(slot int32, score float64) {
	if slot < 0 || !c.facts.live[slot] {
		return
	}
	f := &c.facts.all[slot]
	if c.q.Near != nil && c.q.RadiusKm > 0 && search.DistanceKm(*c.q.Near, f.point) > c.q.RadiusKm {
		return
	}
	c.total++
	if c.counts != nil {
		for _, v := range f.values {
			if c.asked[c.facts.values[v].facet] {
				c.counts[v]++
			}
		}
	}
	key := c.key(f, score)
	full := c.best.Len() >= c.keep
	if full && key > c.best[0].key {
		return
	}
	cand := candidate{id: f.id, key: key}
	switch {
	case !full:
		heap.Push(&c.best, cand)
	case cand.before(c.best[0]):
		c.best[0] = cand
		heap.Fix(&c.best, 0)
	}
}

// page returns the IDs of the query's page, in order.
func (c *collection) page() []string {
	ranked := slices.SortedFunc(slices.Values(c.best), func(a, b candidate) int {
		switch {
		case a.before(b):
			return -1
		case b.before(a):
			return 1
		}
		return 0
	})
	var ids []string
	for _, cand := range ranked[min(len(ranked), c.q.Offset()):] {
		ids = append(ids, cand.id)
	}
	return ids
}

// facets gives every facet asked for its counts, at most
// search.MaxFacetValues of them, the largest.
func (c *collection) facets() map[string]map[string]int {
	if len(c.q.Facets) == 0 {
		return nil
	}
	out := make(map[string]map[string]int, len(c.q.Facets))
	for _, name := range c.q.Facets {
		out[name] = map[string]int{}
	}
	for v, n := range c.counts {
		if n > 0 {
			fv := c.facts.values[v]
			out[search.Facets[fv.facet]][fv.value] = int(n)
		}
	}
	for name, counts := range out {
		if len(counts) > search.MaxFacetValues {
			out[name] = largest(counts, search.MaxFacetValues)
		}
	}
	return out
}

func largest(counts map[string]int, n int) map[string]int {
	type count struct {
		value string
		n     int
	}
	all := make([]count, 0, len(counts))
	for v, c := range counts {
		all = append(all, count{v, c})
	}
	slices.SortFunc(all, func(a, b count) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return strings.Compare(a.value, b.value)
	})
	out := make(map[string]int, n)
	for _, c := range all[:n] {
		out[c.value] = c.n
	}
	return out
}

func (a candidate) before(b candidate) bool {
	return a.key < b.key || (a.key == b.key && a.id < b.id)
}

// candidates is a heap whose top is the last of the best kept.
type candidates []candidate

func (h candidates) Len() int           { return len(h) }
func (h candidates) Less(i, j int) bool { return h[j].before(h[i]) }
func (h candidates) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *candidates) Push(x any)        { *h = append(*h, x.(candidate)) }
func (h *candidates) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
