package searchtest

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"passerelle/search"
	"passerelle/search/sample"
)

// Subject is an empty engine under test.
type Subject struct {
	Engine search.Engine
	// Outage makes the engine unavailable and returns how to bring it back,
	// or nil when the same engine cannot come back.
	Outage func(t testing.TB) (restore func())
}

// Opener returns a new, empty engine for one case of the contract.
type Opener func(t *testing.T) Subject

// RunContract checks that an engine behaves as the application expects.
// Every engine must pass it unchanged.
func RunContract(t *testing.T, open Opener) {
	cases := []struct {
		name string
		run  func(t *testing.T, e search.Engine)
	}{
		{"index and find", testIndexAndFind},
		{"text matching", testTextMatching},
		{"typo ranking", testTypoRanking},
		{"highlights", testHighlights},
		{"filters", testFilters},
		{"facets", testFacets},
		{"geo", testGeo},
		{"sorts", testSorts},
		{"pagination", testPagination},
		{"update", testUpdate},
		{"delete", testDelete},
		{"ids", testIDs},
		{"invalid queries", testInvalidQueries},
		{"vocabulary", testVocabulary},
		{"did you mean", testDidYouMean},
		{"zero-result recovery", testRecovery},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			subject := open(t)
			load(t, subject.Engine)
			c.run(t, subject.Engine)
		})
	}
	t.Run("readiness", func(t *testing.T) { testReadiness(t, open(t)) })
}

func load(t *testing.T, e search.Engine) {
	t.Helper()
	if err := e.Index(context.Background(), sample.Offers()...); err != nil {
		t.Fatalf("index fixtures: %v", err)
	}
}

func find(t *testing.T, e search.Engine, q search.Query) *search.Result {
	t.Helper()
	res, err := e.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("search %+v: %v", q, err)
	}
	return res
}

func ids(res *search.Result) []string {
	out := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		out[i] = h.Offer.ID
	}
	return out
}

// expected lists the fixtures that keep, in the order of the "newest" sort,
// which is also the order of queries without text.
func expected(keep func(search.Offer) bool) []string {
	var out []string
	for _, o := range byNewest(sample.Offers()) {
		if keep(o) {
			out = append(out, o.ID)
		}
	}
	return out
}

func byNewest(offers []search.Offer) []search.Offer {
	slices.SortFunc(offers, func(a, b search.Offer) int {
		if c := b.PublishedAt.Compare(a.PublishedAt); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return offers
}

func offerByID(id string) search.Offer {
	for _, o := range sample.Offers() {
		if o.ID == id {
			return o
		}
	}
	panic("searchtest: no fixture " + id)
}

func testReadiness(t *testing.T, s Subject) {
	ctx := context.Background()
	if err := s.Engine.Ready(ctx); err != nil {
		t.Fatalf("Ready on a running engine: %v", err)
	}
	restore := s.Outage(t)
	if err := s.Engine.Ready(ctx); !errors.Is(err, search.ErrUnavailable) {
		t.Fatalf("Ready during an outage = %v, want search.ErrUnavailable", err)
	}
	if _, err := s.Engine.Search(ctx, search.Query{Text: "boulanger"}); !errors.Is(err, search.ErrUnavailable) {
		t.Fatalf("Search during an outage = %v, want search.ErrUnavailable", err)
	}
	if err := s.Engine.Index(ctx, sample.Offers()[0]); !errors.Is(err, search.ErrUnavailable) {
		t.Fatalf("Index during an outage = %v, want search.ErrUnavailable", err)
	}
	if err := s.Engine.Delete(ctx, "o01"); !errors.Is(err, search.ErrUnavailable) {
		t.Fatalf("Delete during an outage = %v, want search.ErrUnavailable", err)
	}
	if _, err := s.Engine.IDs(ctx); !errors.Is(err, search.ErrUnavailable) {
		t.Fatalf("IDs during an outage = %v, want search.ErrUnavailable", err)
	}
	if restore == nil {
		return
	}
	restore()
	if err := s.Engine.Ready(ctx); err != nil {
		t.Fatalf("Ready after the outage: %v", err)
	}
	load(t, s.Engine)
}
