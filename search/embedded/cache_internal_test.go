package embedded

import (
	"context"
	"path/filepath"
	"testing"

	"passerelle/search"
	"passerelle/search/sample"
)

// The same query is answered from the cache until the offers change: an
// offer indexed or deleted shows in the next answer.
func TestCachedResultsFollowWrites(t *testing.T) {
	offers := sample.Offers()
	e, ctx := indexed(t, offers[1:]...)
	q := search.Query{Text: "boulanger", Facets: []string{search.FacetType}}
	total := func() int {
		t.Helper()
		res, err := e.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	before := total()
	if again, _ := e.cache.get(cacheKey(mustNormalize(t, q))); again == nil || again.Total != before {
		t.Fatalf("after a search, cached %+v, want its %d offers", again, before)
	}
	if err := e.Index(ctx, offers[0]); err != nil { // o01, Apprenti boulanger
		t.Fatal(err)
	}
	if got := total(); got != before+1 {
		t.Errorf("after indexing o01, %d offers, want %d", got, before+1)
	}
	if err := e.Delete(ctx, offers[0].ID); err != nil {
		t.Fatal(err)
	}
	if got := total(); got != before {
		t.Errorf("after deleting o01, %d offers, want %d", got, before)
	}
}

func mustNormalize(t *testing.T, q search.Query) search.Query {
	t.Helper()
	n, err := q.Normalize()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// indexed opens an engine in a temporary folder with offers.
func indexed(t *testing.T, offers ...search.Offer) (*Engine, context.Context) {
	t.Helper()
	e, err := Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = e.Close() })
	ctx := context.Background()
	if err := e.Index(ctx, offers...); err != nil {
		t.Fatal(err)
	}
	return e, ctx
}
