package meili

import (
	"github.com/meilisearch/meilisearch-go"

	"passerelle/search"
)

// maxTotalHits lets Total count every match, not only the pageable ones.
const maxTotalHits = 1_000_000

func settings() *meilisearch.Settings {
	return &meilisearch.Settings{
		// Ordered by weight: a word in the title counts more than in the description.
		SearchableAttributes: []string{"title", "rome_labels", "terms", "subdomain", "description",
			"organisation_name", "commune_name"},
		FilterableAttributes: append([]string{"age_min", "age_max", "start_date", "_geo", "distance_km"}, search.Facets...),
		SortableAttributes:   []string{"_geo", "start_date", "published_at", "id", "distance_km"},
		RankingRules:         []string{"words", "typo", "proximity", "attribute", "sort", "exactness"},
		// Proximity by attribute: words in the same field count as near. By
		// word, Meilisearch indexes and reads the distance of every pair of
		// words, a third of a full query's time at 100 000 offers for no
		// measured gain in relevance (see docs/BENCHMARKS.md).
		ProximityPrecision:  meilisearch.ByAttribute,
		LocalizedAttributes: []*meilisearch.LocalizedAttributes{{Locales: []string{"fra"}, AttributePatterns: []string{"*"}}},
		StopWords:           search.StopWords,
		Synonyms:            synonyms(),
		// Typo tolerance as search.Typos, written out because the client sends
		// zeros for the fields left out.
		TypoTolerance: &meilisearch.TypoTolerance{
			Enabled:             true,
			MinWordSizeForTypos: meilisearch.MinWordSizeForTypos{OneTypo: search.MinWordForOneTypo, TwoTypos: search.MinWordForTwoTypos},
			DisableOnWords:      knownWords(),
			DisableOnAttributes: []string{},
			DisableOnNumbers:    true, // a postcode or a ROME code with a typo is another one
		},
		Pagination: &meilisearch.Pagination{MaxTotalHits: maxTotalHits},
		Faceting: &meilisearch.Faceting{
			MaxValuesPerFacet: search.MaxFacetValues,
			SortFacetValuesBy: map[string]meilisearch.SortFacetType{"*": meilisearch.SortFacetTypeCount},
		},
	}
}

// knownWords are the vocabulary's single words: each is matched as written
// or through its synonyms, never with a typo, as the embedded engine does
// (« cuisto » is not a typo of « cuisson »).
func knownWords() []string {
	var words []string
	for _, group := range search.Synonyms {
		for _, w := range group {
			if len(search.Words(w)) == 1 {
				words = append(words, w)
			}
		}
	}
	return words
}
