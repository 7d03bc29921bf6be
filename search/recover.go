package search

import (
	"context"
	"maps"
	"slices"
)

// How a text search that found nothing was widened, from the closest to
// the loosest.
const (
	WidenVocabulary = "vocabulary" // the closest term of the index's vocabulary
	WidenSubdomain  = "subdomain"  // the ROME sub-domain of the closest job
	WidenFamily     = "family"     // the tension family of the closest job
)

// Recovery is a looser search that found offers where a text search found
// none, and what was widened: To is the term searched instead, or the
// sub-domain or tension family searched, without text.
type Recovery struct {
	Query  Query
	Result *Result
	Widen  string
	To     string
}

// Recover widens a text search that found nothing, its other filters kept:
// first to the closest term of the index's own vocabulary (typo tolerance
// having failed), then to the ROME sub-domain, then to the tension family of
// the closest job, which is the job with the most offers found by that term
// (or by the text itself, anywhere, when it is in the vocabulary). It
// returns nil when nothing is found; every step is one or two queries.
// terms are the index's own (see Terms), which callers may keep a while.
func Recover(ctx context.Context, e Engine, q Query, terms map[string]int) (*Recovery, error) {
	if !HasWords(q.Text) {
		return nil, nil
	}
	term := q.Text
	if suggestions := DidYouMean(q.Text, terms, 1); len(suggestions) > 0 {
		term = suggestions[0]
		if r, err := try(ctx, e, q, func(w *Query) { w.Text = term }, WidenVocabulary, term); r != nil || err != nil {
			return r, err
		}
	}
	sub, family, err := closestJob(ctx, e, term)
	if err != nil {
		return nil, err
	}
	if sub != "" {
		r, err := try(ctx, e, q, func(w *Query) { w.Text, w.Subdomains = "", []string{sub} }, WidenSubdomain, sub)
		if r != nil || err != nil {
			return r, err
		}
	}
	if family != "" {
		return try(ctx, e, q, func(w *Query) { w.Text, w.TensionFamilies = "", []string{family} }, WidenFamily, family)
	}
	return nil, nil
}

func try(ctx context.Context, e Engine, q Query, widen func(*Query), how, to string) (*Recovery, error) {
	widen(&q)
	q.Page = 1
	res, err := e.Search(ctx, q)
	if err != nil || res.Total == 0 {
		return nil, err
	}
	return &Recovery{Query: q, Result: res, Widen: how, To: to}, nil
}

// Terms returns the index's own vocabulary (see OfferTerms) with the number
// of offers of each term.
func Terms(ctx context.Context, e Engine) (map[string]int, error) {
	res, err := e.Search(ctx, Query{PerPage: 1, Facets: []string{FacetTerms}})
	if err != nil {
		return nil, err
	}
	return res.Facets[FacetTerms], nil
}

// closestJob returns the sub-domain and the tension family of the job with
// the most offers among those the term finds anywhere.
func closestJob(ctx context.Context, e Engine, term string) (subdomain, family string, err error) {
	res, err := e.Search(ctx, Query{Text: term, PerPage: 1, Facets: []string{FacetROME}})
	if err != nil || res.Total == 0 {
		return "", "", err
	}
	job := top(res.Facets[FacetROME])
	res, err = e.Search(ctx, Query{ROMECodes: []string{job}, PerPage: 1, Facets: []string{FacetSubdomain, FacetTensionFamily}})
	if err != nil {
		return "", "", err
	}
	return top(res.Facets[FacetSubdomain]), top(res.Facets[FacetTensionFamily]), nil
}

// top is the value with the highest count, the first by name on a tie.
func top(counts map[string]int) string {
	values := slices.Sorted(maps.Keys(counts))
	best := ""
	for _, v := range values {
		if best == "" || counts[v] > counts[best] {
			best = v
		}
	}
	return best
}
