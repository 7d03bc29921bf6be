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
	e, err := Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	ctx := context.Background()
	offers := sample.Offers()
	if err := e.Index(ctx, offers[1:]...); err != nil {
		t.Fatal(err)
	}
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
