package meili_test

import (
	"context"
	"fmt"
	"testing"

	"passerelle/search/meili"
	"passerelle/search/searchtest"
)

func TestContract(t *testing.T) {
	server := searchtest.RunMeilisearch(t)
	indexes := 0
	searchtest.RunContract(t, func(t *testing.T) searchtest.Subject {
		indexes++
		engine := open(t, server, fmt.Sprintf("offers_%d", indexes))
		return searchtest.Subject{Engine: engine, Outage: func(t testing.TB) func() {
			server.Stop()
			return func() { server.Restart(t) }
		}}
	})
}

func open(t testing.TB, server *searchtest.Meilisearch, index string) *meili.Engine {
	t.Helper()
	engine, err := meili.New(context.Background(), meili.Config{URL: server.URL, APIKey: server.Key, Index: index})
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
