package embedded

import (
	"context"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	index "github.com/blevesearch/bleve_index_api"

	"passerelle/search"
)

// facts are what a search reads of each offer it matches besides its text:
// its point (radius and distance sort), its dates (date sorts) and its facet
// values. The engine keeps them in memory by ID: reading them from Bleve's
// doc values, field by field for every match, was half of a full query's
// time at 100 000 offers and a third of the /offres page's (see
// docs/BENCHMARKS.md). Bleve still matches the text and the filters.
type facts struct {
	id               string
	point            search.Point
	start, published int64    // Unix nanoseconds; 0 when unknown
	values           []uint32 // facet values, by their number in the dictionary
}

// factStore holds the facts of every indexed offer. Facet values are
// numbered once for all offers, so that an offer's values are a few integers
// and a search counts them in an array. Each offer ID keeps its slot for the
// engine's life, deleted or not, so that a snapshot's document numbers can
// be mapped to slots once (see docSlots).
type factStore struct {
	mu    sync.RWMutex
	slots map[string]int32 // by ID
	all   []facts          // by slot
	// live says, by slot, whether the offer is indexed (false once deleted).
	// It is apart from the facts: a search ranked by score alone reads no
	// other fact of most of its matches, and a byte per offer stays in the
	// processor's cache where the facts do not.
	live    []bool
	numbers map[facetValue]uint32
	values  []facetValue // by number
	docs    atomic.Pointer[docSlots]
}

type facetValue struct {
	facet int // position in search.Facets
	value string
}

func newFactStore() *factStore {
	return &factStore{slots: map[string]int32{}, numbers: map[facetValue]uint32{}}
}

// facetNumbers are the positions of the facets in search.Facets.
var facetNumbers = func() map[string]int {
	out := make(map[string]int, len(search.Facets))
	for i, f := range search.Facets {
		out[f] = i
	}
	return out
}()

// facetValues are an offer's values per facet, as Bleve indexes them: empty
// values left out, each value once, booleans as "true" or "false".
func facetValues(o search.Offer) map[string][]string {
	values := map[string][]string{
		search.FacetESS: {strconv.FormatBool(o.ESS)}, search.FacetAccessible: {strconv.FormatBool(o.Accessible)},
		search.FacetRemote: {strconv.FormatBool(o.Remote)}, search.FacetROME: o.ROMECodes, search.FacetTerms: search.OfferTerms(o),
	}
	for facet, v := range map[string]string{search.FacetType: o.Type, search.FacetSubdomain: o.Subdomain,
		search.FacetTensionFamily: o.TensionFamily, search.FacetCommune: o.CommuneCode} {
		if v != "" {
			values[facet] = []string{v}
		}
	}
	return values
}

// put records the facts of offers.
func (s *factStore) put(offers []search.Offer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, o := range offers {
		f := facts{id: o.ID, point: o.Point(), start: unixNano(o.StartDate.IsZero(), o.StartDate.UnixNano()),
			published: unixNano(o.PublishedAt.IsZero(), o.PublishedAt.UnixNano())}
		for facet, values := range facetValues(o) {
			for _, v := range values {
				f.values = append(f.values, s.number(facetValue{facetNumbers[facet], v}))
			}
		}
		slices.Sort(f.values)
		f.values = slices.Compact(f.values)
		slot, ok := s.slots[o.ID]
		if !ok {
			slot = int32(len(s.all))
			s.slots[o.ID] = slot
			s.all = append(s.all, facts{})
			s.live = append(s.live, false)
		}
		s.all[slot], s.live[slot] = f, true
	}
}

// remove forgets the facts of deleted offers. Their slots stay theirs.
func (s *factStore) remove(ids []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, id := range ids {
		if slot, ok := s.slots[id]; ok {
			s.all[slot], s.live[slot] = facts{id: id}, false
		}
	}
}

func unixNano(zero bool, ns int64) int64 {
	if zero {
		return 0
	}
	return ns
}

func (s *factStore) number(v facetValue) uint32 {
	n, ok := s.numbers[v]
	if !ok {
		n = uint32(len(s.values))
		s.numbers[v] = n
		s.values = append(s.values, v)
	}
	return n
}

// storedOffers reads back every offer of the index from its stored source.
func (e *Engine) storedOffers(ctx context.Context) ([]search.Offer, error) {
	ids, err := e.IDs(ctx)
	if err != nil {
		return nil, err
	}
	offers := make([]search.Offer, 0, len(ids))
	for _, id := range ids {
		doc, err := e.index.Document(id)
		if err != nil {
			return nil, wrap(err)
		}
		var source any
		doc.VisitFields(func(f index.Field) {
			if f.Name() == fieldSource {
				source = string(f.Value())
			}
		})
		o, err := offer(source)
		if err != nil {
			return nil, err
		}
		offers = append(offers, o)
	}
	return offers, nil
}
