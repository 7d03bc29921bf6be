// Package relevance measures how well the engines rank offers for what
// people type: a judged set of queries over a fixed corpus of offers, both
// committed in testdata/, and the usual measures of ranking quality. The
// `bench relevance` command prints them; a test keeps nDCG@10 from falling.
package relevance

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"passerelle/search"
)

// Files of the judged set, in the data folder.
const (
	CorpusFile     = "corpus.json"     // the offers, generated from the demo data
	QueriesFile    = "queries.json"    // the queries and their intents, written by hand
	JudgementsFile = "judgements.json" // the graded offers of each query, from the rules of Judge
	RecordedFile   = "recorded.json"   // the measures last recorded, the floor of the test
)

// Query is one search as someone types it, with what they look for.
type Query struct {
	ID   string `json:"id"`
	Who  string `json:"who"`  // youth, counsellor or employer
	Kind string `json:"kind"` // slang, typo, feminine, formal, school, loanword, place…
	Text string `json:"text"`
	// Communes is the commune filter set from the autocomplete, if any.
	Communes []string `json:"communes,omitempty"`
	Intent   Intent   `json:"intent"`
}

// Intent is what the person looks for, in the terms of the offers' data.
type Intent struct {
	ROME     []string `json:"rome,omitempty"`     // ROME codes or code prefixes of the jobs meant
	Family   string   `json:"family,omitempty"`   // tension family of those jobs, for partial credit
	Types    []string `json:"types,omitempty"`    // kinds of offer meant
	ESS      bool     `json:"ess,omitempty"`      // only the social and solidarity economy
	Communes []string `json:"communes,omitempty"` // where, when the text or filter names a place
}

// Grades of relevance.
const (
	NotRelevant = 0
	Partly      = 1 // the right family or the right job in another kind of offer
	Relevant    = 3 // the job (or kind of offer) meant, where it is meant
)

// Judge grades an offer for an intent by rules, never from an engine:
//   - an intent with jobs: an offer of one of the jobs is Relevant, one of the
//     same tension family Partly;
//   - an intent without jobs (a kind of offer, the ESS): every offer is
//     Relevant before the other rules;
//   - an offer of another type than meant, or outside the ESS when the ESS is
//     meant, is at most Partly;
//   - an offer outside the communes meant is not relevant.
func Judge(in Intent, o search.Offer) int {
	grade := Relevant
	if len(in.ROME) > 0 {
		switch {
		case slices.ContainsFunc(o.ROMECodes, func(c string) bool { return hasPrefix(c, in.ROME) }):
			grade = Relevant
		case in.Family != "" && o.TensionFamily == in.Family:
			grade = Partly
		default:
			return NotRelevant
		}
	}
	if (len(in.Types) > 0 && !slices.Contains(in.Types, o.Type)) || (in.ESS && !o.ESS) {
		grade = min(grade, Partly)
	}
	if len(in.Communes) > 0 && !slices.Contains(in.Communes, o.CommuneCode) {
		return NotRelevant
	}
	return grade
}

func hasPrefix(code string, prefixes []string) bool {
	return slices.ContainsFunc(prefixes, func(p string) bool { return len(code) >= len(p) && code[:len(p)] == p })
}

// Judgements maps each query ID to its graded offers (grade > 0).
type Judgements map[string]map[string]int

// JudgeAll grades every offer of the corpus for every query.
func JudgeAll(corpus []search.Offer, queries []Query) Judgements {
	out := make(Judgements, len(queries))
	for _, q := range queries {
		grades := map[string]int{}
		for _, o := range corpus {
			if g := Judge(q.Intent, o); g > 0 {
				grades[o.ID] = g
			}
		}
		out[q.ID] = grades
	}
	return out
}

// Set is the judged set as committed.
type Set struct {
	Corpus     []search.Offer
	Queries    []Query
	Judgements Judgements
}

// Load reads the judged set from dir and checks that every query has
// relevant offers and that the judgements are those of the rules.
func Load(dir string) (*Set, error) {
	s := &Set{}
	for name, into := range map[string]any{CorpusFile: &s.Corpus, QueriesFile: &s.Queries, JudgementsFile: &s.Judgements} {
		if err := ReadJSON(filepath.Join(dir, name), into); err != nil {
			return nil, err
		}
	}
	want := JudgeAll(s.Corpus, s.Queries)
	for _, q := range s.Queries {
		if len(want[q.ID]) == 0 {
			return nil, fmt.Errorf("relevance: query %s (%q) has no relevant offer in the corpus", q.ID, q.Text)
		}
		if fmt.Sprint(want[q.ID]) != fmt.Sprint(s.Judgements[q.ID]) {
			return nil, fmt.Errorf("relevance: the judgements of %s differ from the rules: write them again", q.ID)
		}
	}
	return s, nil
}

// ReadJSON decodes the JSON file at path into into.
func ReadJSON(path string, into any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("relevance: %w", err)
	}
	if err := json.Unmarshal(data, into); err != nil {
		return fmt.Errorf("relevance: %s: %w", path, err)
	}
	return nil
}

// WriteJSON writes v indented, for files meant to be read in a review.
func WriteJSON(path string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}
