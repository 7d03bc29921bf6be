package embedded

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"

	"passerelle/search"
)

// Fields of the index besides the facets, which keep their search names.
const (
	fieldTitle       = "title"
	fieldLabels      = "labels" // ROME labels and sub-domain
	fieldDescription = "description"
	fieldOther       = "other"      // organisation and commune names
	fieldTermsText   = "terms_text" // the vocabulary's words for the offer's jobs and type
	fieldPlain       = "plain"      // all the text, unstemmed, for typos
	fieldAgeMin      = "age_min"
	fieldAgeMax      = "age_max"
	fieldStart       = "start_date"
	fieldSource      = "source" // the offer as JSON, stored only
)

func newMapping() (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	if err := addAnalyzers(m); err != nil {
		return nil, err
	}
	doc := bleve.NewDocumentStaticMapping()
	for name, analyzer := range map[string]string{fieldTitle: stemmed, fieldDescription: stemmed,
		fieldLabels: stemmed, fieldOther: stemmed, fieldTermsText: stemmed, fieldPlain: unstemmed} {
		highlighted := name == fieldTitle || name == fieldDescription
		doc.AddFieldMappingsAt(name, textField(analyzer, highlighted, highlighted || phrased[name]))
	}
	for _, name := range []string{search.FacetType, search.FacetSubdomain, search.FacetTensionFamily, search.FacetCommune,
		search.FacetROME, search.FacetTerms} {
		doc.AddFieldMappingsAt(name, textField(keyword, false, false))
	}
	for _, name := range memberFields {
		doc.AddFieldMappingsAt(name, textField(spaced, false, false))
	}
	for _, name := range []string{search.FacetESS, search.FacetAccessible, search.FacetRemote} {
		doc.AddFieldMappingsAt(name, matchedOnly(bleve.NewBooleanFieldMapping()))
	}
	for _, name := range []string{fieldAgeMin, fieldAgeMax} {
		doc.AddFieldMappingsAt(name, matchedOnly(bleve.NewNumericFieldMapping()))
	}
	doc.AddFieldMappingsAt(fieldStart, matchedOnly(bleve.NewDateTimeFieldMapping()))
	doc.AddFieldMappingsAt(fieldSource, sourceField())
	m.DefaultMapping = doc
	m.DefaultAnalyzer = stemmed
	m.StoreDynamic, m.IndexDynamic, m.DocValuesDynamic = false, false, false
	return m, nil
}

// phrased are the fields besides the highlighted ones where phrases of
// several words (ROME labels, "bac pro", "petite enfance") are matched:
// phrase queries read the term vectors.
var phrased = map[string]bool{fieldLabels: true, fieldTermsText: true}

// textField keeps the text of highlighted fields only, and term vectors
// where phrases are matched.
func textField(analyzer string, highlighted, vectors bool) *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Analyzer = analyzer
	f.Store = highlighted
	f.IncludeTermVectors = vectors
	f.IncludeInAll = false
	f.DocValues = false
	return f
}

// matchedOnly leaves out the doc values of a field: the facets, the point
// and the dates a search sorts by come from the engine's facts (facts.go).
func matchedOnly(f *mapping.FieldMapping) *mapping.FieldMapping {
	f.DocValues = false
	return f
}

func sourceField() *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Index = false
	f.Store = true
	f.IncludeInAll = false
	f.DocValues = false
	return f
}
