package web

import (
	"context"
	"sync"
	"time"

	"passerelle/search"
)

// countsFor is how long the index's counts are kept: a new offer shows in
// suggestions within a minute, and suggesting costs no engine query.
const countsFor = time.Minute

// countedFacets are the counts suggestions need: offers per ROME job and per
// commune for the autocomplete, per tension family for the next steps, per
// term for « vouliez-vous dire ».
var countedFacets = []string{search.FacetROME, search.FacetCommune, search.FacetTensionFamily, search.FacetTerms}

// indexCounts caches one faceted query over the whole index.
type indexCounts struct {
	mu     sync.Mutex
	at     time.Time
	counts map[string]map[string]int
}

// counts returns the number of offers per value of each counted facet.
func (s *Server) counts(ctx context.Context) (map[string]map[string]int, error) {
	c := &s.indexCounts
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.counts != nil && time.Since(c.at) < countsFor {
		return c.counts, nil
	}
	if s.deps.Search == nil {
		return nil, search.ErrUnavailable
	}
	res, err := s.deps.Search.Search(ctx, search.Query{PerPage: 1, Facets: countedFacets})
	if err != nil {
		return nil, err
	}
	c.counts, c.at = res.Facets, time.Now()
	return c.counts, nil
}
