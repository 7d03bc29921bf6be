package embedded

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/stop"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/whitespace"
	"github.com/blevesearch/bleve/v2/analysis/tokenmap"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"

	"passerelle/search"
)

// Analyzers. Bleve's own French analyzer keeps accents and drops "été";
// these fold accents on each token, so that highlights keep their offsets,
// and use the project's stop words.
const (
	stemmed   = "passerelle_fr"       // for relevance: stop words out, light stemming
	unstemmed = "passerelle_fr_plain" // for typo matching: every word as written, folded
	keyword   = "keyword"
	spaced    = "passerelle_spaced" // terms made by the engine, as they are

	foldFilter = "passerelle_fold"
	stopFilter = "passerelle_stop"
	stopMap    = "passerelle_stop_words"
)

// foldingFilter removes accents from each token's term.
type foldingFilter struct {
	fold *asciifolding.AsciiFoldingFilter
}

func (f foldingFilter) Filter(tokens analysis.TokenStream) analysis.TokenStream {
	for _, t := range tokens {
		t.Term = f.fold.Filter(t.Term)
	}
	return tokens
}

func init() {
	err := registry.RegisterTokenFilter(foldFilter, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return foldingFilter{fold: asciifolding.New()}, nil
	})
	if err != nil {
		panic(err)
	}
}

func addAnalyzers(m *mapping.IndexMappingImpl) error {
	words := make([]any, len(search.StopWords))
	for i, w := range search.StopWords {
		words[i] = search.Fold(w)
	}
	steps := []func() error{
		func() error {
			return m.AddCustomTokenMap(stopMap, map[string]any{"type": tokenmap.Name, "tokens": words})
		},
		func() error {
			return m.AddCustomTokenFilter(stopFilter, map[string]any{"type": stop.Name, "stop_token_map": stopMap})
		},
		func() error {
			return m.AddCustomAnalyzer(stemmed, analyzer(lowercase.Name, fr.ElisionName, foldFilter, stopFilter, fr.LightStemmerName))
		},
		func() error {
			return m.AddCustomAnalyzer(unstemmed, analyzer(lowercase.Name, fr.ElisionName, foldFilter))
		},
		func() error {
			return m.AddCustomAnalyzer(spaced, map[string]any{"type": custom.Name, "tokenizer": whitespace.Name})
		},
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

func analyzer(filters ...string) map[string]any {
	return map[string]any{"type": custom.Name, "tokenizer": unicode.Name, "token_filters": filters}
}
