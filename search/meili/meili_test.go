package meili_test

import (
	"context"
	"fmt"
	"testing"

	"passerelle/search"
	"passerelle/search/meili"
	"passerelle/search/sample"
	"passerelle/search/searchtest"
)

// The contract runs around plain points, then around the places whose
// distances the engine precomputes.
func TestContract(t *testing.T) {
	server := searchtest.RunMeilisearch(t)
	t.Run("points", func(t *testing.T) { runContract(t, server, nil) })
	t.Run("places", func(t *testing.T) { runContract(t, server, sample.Places()) })
}

func runContract(t *testing.T, server *searchtest.Meilisearch, places []search.Place) {
	indexes := 0
	searchtest.RunContract(t, func(t *testing.T) searchtest.Subject {
		indexes++
		engine := openWith(t, meili.Config{URL: server.URL, APIKey: server.Key,
			Index: fmt.Sprintf("offers_%d_%d", len(places), indexes), Places: places})
		return searchtest.Subject{Engine: engine, Outage: func(t testing.TB) func() {
			server.Stop()
			return func() { server.Restart(t) }
		}}
	})
}

func open(t testing.TB, server *searchtest.Meilisearch, index string) *meili.Engine {
	t.Helper()
	return openWith(t, meili.Config{URL: server.URL, APIKey: server.Key, Index: index})
}

func openWith(t testing.TB, cfg meili.Config) *meili.Engine {
	t.Helper()
	engine, err := meili.New(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = engine.Close() })
	return engine
}

func TestNewReportsBadKey(t *testing.T) {
	server := searchtest.RunMeilisearch(t)
	_, err := meili.New(context.Background(), meili.Config{URL: server.URL, APIKey: "wrong", Index: "offers"})
	if err == nil {
		t.Fatal("New with a wrong key succeeded")
	}
}
