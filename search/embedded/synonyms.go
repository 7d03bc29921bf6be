package embedded

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"

	"passerelle/search"
)

// A synonym group of the query used to become a disjunction of its members'
// phrases over every weighted field: for the large groups (« apprentissage »,
// « informatique »…) dozens of phrase searchers reading term vectors, the
// slow tenth of the queries at 100 000 offers (see docs/BENCHMARKS.md).
// Instead, each offer holds, per weighted field, the synonyms its text
// contains, found at index time with the field's own analysis, as terms: a
// group is then one term per member and field, without positions to read.

// memberFields maps each weighted field to the field of the synonyms found
// in it.
var memberFields = map[string]string{fieldTitle: "synonyms_title", fieldLabels: "synonyms_labels",
	fieldTermsText: "synonyms_terms", fieldDescription: "synonyms_description", fieldOther: "synonyms_other"}

// memberTerm is how member m of group g of search.Synonyms is indexed.
func memberTerm(g, m int) string { return strconv.Itoa(g) + "." + strconv.Itoa(m) }

// member is one synonym's analysed words, at their positions relative to
// the first: a stop word inside leaves a gap, which any word fills, as in a
// phrase query.
type member struct {
	group, index int
	terms        []string
	gaps         []int // position of terms[i] after the first
}

// groupFinder finds the synonym groups in a text with the stemmed analyser.
type groupFinder struct {
	analyzer analysis.Analyzer
	byFirst  map[string][]member // by the member's first term
}

// finder is built on first use: the analysers are registered by init.
var finder = sync.OnceValue(func() *groupFinder {
	m, err := newMapping()
	if err != nil {
		panic(err) // the mapping is the package's own, the same for every index
	}
	return newGroupFinder(m.AnalyzerNamed(stemmed))
})

func newGroupFinder(analyzer analysis.Analyzer) *groupFinder {
	f := &groupFinder{analyzer: analyzer, byFirst: map[string][]member{}}
	for i, group := range search.Synonyms {
		for j, m := range group {
			tokens := analyzer.Analyze([]byte(search.Fold(m)))
			if len(tokens) == 0 {
				continue
			}
			mem := member{group: i, index: j}
			for _, t := range tokens {
				mem.terms = append(mem.terms, string(t.Term))
				mem.gaps = append(mem.gaps, t.Position-tokens[0].Position)
			}
			f.byFirst[mem.terms[0]] = append(f.byFirst[mem.terms[0]], mem)
		}
	}
	return f
}

// members returns the term of each synonym text holds, once per
// occurrence, as a phrase query would have counted it, padded with filler
// to the text's own number of words: Bleve weighs a match by the length of
// its field, and a synonym in a long description must weigh as it did when
// it was a phrase of that description. "" when text holds none.
func (f *groupFinder) members(text string) string {
	tokens := f.analyzer.Analyze([]byte(text))
	at := make(map[int]string, len(tokens)) // position → term
	for _, t := range tokens {
		at[t.Position] = string(t.Term)
	}
	var out []string
	for _, t := range tokens {
		for _, m := range f.byFirst[string(t.Term)] {
			if m.at(at, t.Position) {
				out = append(out, memberTerm(m.group, m.index))
			}
		}
	}
	if len(out) == 0 {
		return ""
	}
	return strings.Join(out, " ") + strings.Repeat(" "+filler, max(0, len(tokens)-len(out)))
}

// filler pads the synonym fields; it is never searched.
const filler = "_"

func (m member) at(terms map[int]string, start int) bool {
	for i := 1; i < len(m.terms); i++ {
		if terms[start+m.gaps[i]] != m.terms[i] {
			return false
		}
	}
	return true
}

// synonymQuery matches the offers that name a member of a group in a
// weighted field. Each member is its own term, so that it weighs as its
// phrase did: a rare member found counts more than a common one.
func synonymQuery(group int) query.Query {
	var members []query.Query
	for m := range search.Synonyms[group] {
		fields := make([]query.Query, len(weights))
		for i, w := range weights {
			t := query.NewTermQuery(memberTerm(group, m))
			t.SetField(memberFields[w.field])
			t.SetBoost(w.boost)
			fields[i] = t
		}
		members = append(members, query.NewDisjunctionQuery(fields))
	}
	return query.NewDisjunctionQuery(members)
}

// layout names how the synonyms are indexed; change it with memberTerm,
// members or the stemmed analyser.
const layout = "members padded to the field's length, v1\n"

// groupsKey is where the index keeps groupsVersion, and groupsVersion says
// which groups its offers were indexed with: an index of other groups is
// indexed again when opened (see Open), as its group terms mean other groups.
var (
	groupsKey     = []byte("passerelle_synonym_groups")
	groupsVersion = func() []byte {
		h := sha256.New()
		h.Write([]byte(layout))
		for _, g := range search.Synonyms {
			h.Write([]byte(strings.Join(g, "\x1f") + "\x1e"))
		}
		return []byte(hex.EncodeToString(h.Sum(nil)))
	}()
)

// load reads the facts of the offers already indexed. When the index was
// built with other synonym groups (or before they were indexed), it indexes
// the offers again, from their stored source, and records the groups.
func (e *Engine) load(ctx context.Context) error {
	offers, err := e.storedOffers(ctx)
	if err != nil {
		return err
	}
	version, err := e.index.GetInternal(groupsKey)
	if err != nil {
		return wrap(err)
	}
	if bytes.Equal(version, groupsVersion) {
		e.facts.put(offers)
		return nil
	}
	if err := e.Index(ctx, offers...); err != nil {
		return err
	}
	return wrap(e.index.SetInternal(groupsKey, groupsVersion))
}
