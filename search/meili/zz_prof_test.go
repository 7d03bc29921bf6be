package meili

import (
	"context"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"passerelle/search"
	"passerelle/search/bench"
	"passerelle/search/searchtest"
)

func TestZZProfile(t *testing.T) {
	dir := os.Getenv("PROF_DIR")
	if dir == "" {
		t.Skip()
	}
	_, statErr := os.Stat(dir)
	bin, _ := searchtest.Binary()
	server, err := searchtest.Launch(bin, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer server.Stop()
	ctx := context.Background()
	e, err := New(ctx, Config{URL: server.URL, APIKey: server.Key, Index: "prof"})
	if err != nil {
		t.Fatal(err)
	}
	if statErr != nil {
		if err := e.Index(ctx, searchtest.Generate(100000)...); err != nil {
			t.Fatal(err)
		}
	}
	client := meilisearch.New(server.URL, meilisearch.WithAPIKey(server.Key), meilisearch.WithCustomClient(newHTTPClient()))
	idx := client.Index("prof")
	near := searchtest.Nanterre
	base := search.Query{Text: "boulangerie", Types: []string{"apprenticeship", "job"}, Age: 17}
	for round := 0; round < 2; round++ {
		for _, v := range []struct {
			name   string
			filter string
			sort   []string
			facets []string
		}{
			{"filters", "type IN [apprenticeship, job] AND age_min <= 17 AND age_max >= 17", nil, nil},
			{"filters+radius", "type IN [apprenticeship, job] AND age_min <= 17 AND age_max >= 17 AND _geoRadius(48.8924, 2.2069, 10000)", nil, nil},
			{"filters+radius+sort", "type IN [apprenticeship, job] AND age_min <= 17 AND age_max >= 17 AND _geoRadius(48.8924, 2.2069, 10000)", []string{"_geoPoint(48.8924, 2.2069):asc"}, nil},
			{"filters+sort", "type IN [apprenticeship, job] AND age_min <= 17 AND age_max >= 17", []string{"_geoPoint(48.8924, 2.2069):asc"}, nil},
			{"filters+radius+facets5", "type IN [apprenticeship, job] AND age_min <= 17 AND age_max >= 17 AND _geoRadius(48.8924, 2.2069, 10000)", nil, []string{"type", "tension_family", "ess", "commune_code", "accessible"}},
			{"filters+radius+facets7", "type IN [apprenticeship, job] AND age_min <= 17 AND age_max >= 17 AND _geoRadius(48.8924, 2.2069, 10000)", nil, search.Facets},
			{"radius-only", "_geoRadius(48.8924, 2.2069, 10000)", nil, nil},
			{"bbox-only", "_geoBoundingBox([48.9824, 2.3438], [48.8024, 2.0700])", nil, nil},
			{"bbox AND radius", "_geoBoundingBox([48.9824, 2.3438], [48.8024, 2.0700]) AND _geoRadius(48.8924, 2.2069, 10000)", nil, nil},
			{"filters AND bbox AND radius", "type IN [apprenticeship, job] AND age_min <= 17 AND age_max >= 17 AND _geoBoundingBox([48.9824, 2.3438], [48.8024, 2.0700]) AND _geoRadius(48.8924, 2.2069, 10000)", nil, nil},
			{"filters+bbox+sort", "type IN [apprenticeship, job] AND age_min <= 17 AND age_max >= 17 AND _geoBoundingBox([48.9824, 2.3438], [48.8024, 2.0700])", []string{"_geoPoint(48.8924, 2.2069):asc"}, nil},
			{"nothing", "", nil, nil},
		} {
			start := time.Now()
			var raw *json.RawMessage
			for range 20 {
				perPage := int64(20)
				raw, err = idx.SearchRaw(ctx, "boulangerie", &meilisearch.SearchRequest{Filter: v.filter, Sort: v.sort, Facets: v.facets,
					HitsPerPage: &perPage, Page: 1, MatchingStrategy: meilisearch.All})
				if err != nil {
					t.Fatal(err)
				}
			}
			var r struct{ TotalHits int }
			_ = json.Unmarshal(*raw, &r)
			t.Logf("%-25s mean %v hits %d", v.name, time.Since(start)/20, r.TotalHits)
		}
		full := base
		full.Near, full.RadiusKm, full.Facets, full.Sort = &near, 10, search.Facets, search.SortDistance
		start := time.Now()
		for range 20 {
			if _, err := e.Search(ctx, full); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("%-25s mean %v", "adapter full", time.Since(start)/20)
		_ = bench.Kinds
	}
}
