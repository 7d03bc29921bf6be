package meili_test

import (
	"context"
	"slices"
	"testing"

	"github.com/meilisearch/meilisearch-go"

	"passerelle/search"
	"passerelle/search/searchtest"
)

// The client sends zeros for the settings fields left out, so the test
// reads back what the server holds.
func TestNewAppliesSettings(t *testing.T) {
	server := searchtest.RunMeilisearch(t)
	open(t, server, "settings")
	client := meilisearch.New(server.URL, meilisearch.WithAPIKey(server.Key))
	defer client.Close()
	got, err := client.Index("settings").GetSettings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	typos := got.TypoTolerance
	if typos == nil || !typos.Enabled || typos.MinWordSizeForTypos.OneTypo != 5 || typos.MinWordSizeForTypos.TwoTypos != 9 {
		t.Errorf("typo tolerance %+v, want enabled from 5 and 9 letters", typos)
	}
	if got.SearchableAttributes[0] != "title" || !slices.Contains(got.FilterableAttributes, "_geo") ||
		!slices.Contains(got.SortableAttributes, "published_at") {
		t.Errorf("attributes: searchable %v, filterable %v, sortable %v", got.SearchableAttributes,
			got.FilterableAttributes, got.SortableAttributes)
	}
	if len(got.LocalizedAttributes) != 1 || !slices.Equal(got.LocalizedAttributes[0].Locales, []string{"fra"}) {
		t.Errorf("localized attributes %+v, want French", got.LocalizedAttributes)
	}
	if got.ProximityPrecision != meilisearch.ByAttribute {
		t.Errorf("proximity precision %q, want by attribute", got.ProximityPrecision)
	}
	if len(got.StopWords) != len(search.StopWords) || len(got.Synonyms) == 0 {
		t.Errorf("%d stop words and %d synonyms, want %d and some", len(got.StopWords), len(got.Synonyms), len(search.StopWords))
	}
}
