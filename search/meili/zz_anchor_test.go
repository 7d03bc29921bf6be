package meili

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"passerelle/search"
	"passerelle/search/searchtest"
)

func TestZZAnchor(t *testing.T) {
	dir := os.Getenv("PROF_DIR")
	if dir == "" {
		t.Skip()
	}
	bin, _ := searchtest.Binary()
	server, err := searchtest.Launch(bin, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer server.Stop()
	ctx := context.Background()
	client := meilisearch.New(server.URL, meilisearch.WithAPIKey(server.Key), meilisearch.WithCustomClient(newHTTPClient()))
	idx := client.Index("prof")
	nanterre := searchtest.Nanterre
	if os.Getenv("ANCHOR_LOAD") != "" {
		var docs []map[string]any
		for _, o := range searchtest.Generate(100000) {
			d := search.DistanceKm(nanterre, o.Point())
			var within []string
			for _, r := range []int{2, 5, 10, 20} {
				if d <= float64(r) {
					within = append(within, fmt.Sprintf("92050:%d", r))
				}
			}
			docs = append(docs, map[string]any{"id": o.ID, "within": within, "d_92050": int(d * 1000)})
		}
		task, err := idx.UpdateDocuments(ctx, docs, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := idx.WaitForTask(ctx, task.TaskUID, 50*time.Millisecond); err != nil {
			t.Fatal(err)
		}
		s := settings()
		s.FilterableAttributes = append(s.FilterableAttributes, "within", "d_92050")
		s.SortableAttributes = append(s.SortableAttributes, "d_92050")
		task, err = idx.UpdateSettings(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		ti, err := idx.WaitForTask(ctx, task.TaskUID, 50*time.Millisecond)
		if err != nil || ti.Status != meilisearch.TaskStatusSucceeded {
			t.Fatal(err, ti.Error)
		}
	}
	f := "type IN [apprenticeship, job] AND age_min <= 17 AND age_max >= 17"
	for round := 0; round < 3; round++ {
		for _, v := range []struct {
			name   string
			filter string
			sort   []string
		}{
			{"filters", f, nil},
			{"filters+radius", f + " AND _geoRadius(48.8924, 2.2069, 10000)", nil},
			{"filters+within", f + " AND within = \"92050:10\"", nil},
			{"filters+radius+geosort", f + " AND _geoRadius(48.8924, 2.2069, 10000)", []string{"_geoPoint(48.8924, 2.2069):asc"}},
			{"filters+within+geosort", f + " AND within = \"92050:10\"", []string{"_geoPoint(48.8924, 2.2069):asc"}},
			{"filters+within+dsort", f + " AND within = \"92050:10\"", []string{"d_92050:asc"}},
			{"filters+drange+dsort", f + " AND d_92050 <= 10000", []string{"d_92050:asc"}},
		} {
			var raw *json.RawMessage
			start := time.Now()
			for range 20 {
				perPage := int64(20)
				raw, err = idx.SearchRaw(ctx, "boulangerie", &meilisearch.SearchRequest{Filter: v.filter, Sort: v.sort,
					Facets: []string{"type", "tension_family", "ess", "commune_code", "accessible"},
					HitsPerPage: &perPage, Page: 1, MatchingStrategy: meilisearch.All})
				if err != nil {
					t.Fatal(err)
				}
			}
			var r struct{ TotalHits int }
			_ = json.Unmarshal(*raw, &r)
			t.Logf("%-25s mean %v hits %d", v.name, time.Since(start)/20, r.TotalHits)
		}
	}
}
