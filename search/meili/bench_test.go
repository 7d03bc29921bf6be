package meili_test

import (
	"context"
	"net/http"
	"testing"

	"passerelle/search/meili"
	"passerelle/search/sample"
	"passerelle/search/searchtest"
)

func BenchmarkSearch(b *testing.B) {
	server := searchtest.RunMeilisearch(b)
	searchtest.BenchmarkEngine(b, open(b, server, "bench"), 5000)
}

// BenchmarkSearchClients times one search end to end with the HTTP clients
// one could give meilisearch-go, to show the delayed-ACK trap.
func BenchmarkSearchClients(b *testing.B) {
	server := searchtest.RunMeilisearch(b)
	if err := open(b, server, "clients").Index(context.Background(), sample.Generate(1000)...); err != nil {
		b.Fatal(err)
	}
	query := searchtest.BenchQueries()[2].Query
	for _, c := range []struct {
		name   string
		client *http.Client
	}{
		{"quickack_keepalive", nil},
		{"default_keepalive", &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}},
		{"no_keepalive", &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}},
	} {
		b.Run(c.name, func(b *testing.B) {
			engine, err := meili.New(context.Background(), meili.Config{URL: server.URL, APIKey: server.Key,
				Index: "clients", HTTPClient: c.client})
			if err != nil {
				b.Fatal(err)
			}
			defer engine.Close()
			searchtest.BenchmarkQuery(b, engine, query)
		})
	}
}
