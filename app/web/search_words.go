package web

import (
	"cmp"
	"context"
	"net/url"
	"slices"

	"passerelle/search"
)

// literal is a note argument shown as is, where a string is a catalog key.
type literal string

// familyArg is a note argument naming a tension family by its key.
type familyArg string

// recoverWords widens the words of a search that find nothing anywhere
// (search.Recover): first with the search's filters, then, when that finds
// nothing either, with its filters dropped but its age. err, from the
// caller's probe, is passed through.
func (s *Server) recoverWords(ctx context.Context, f searchForm, q search.Query, err error) (*recovered, error) {
	if err != nil {
		return nil, err
	}
	counts, err := s.counts(ctx)
	if err != nil {
		return nil, err
	}
	terms := counts[search.FacetTerms]
	r, err := search.Recover(ctx, s.deps.Search, q, terms)
	var dropped []note
	if r == nil && err == nil && len(search.ListFilters(q)) > 0 {
		loose := search.Query{Text: q.Text, Age: q.Age, PerPage: q.PerPage}
		dropped = []note{{"search.widened.filters", nil}}
		f = searchForm{Text: f.Text, Age: f.Age}
		r, err = search.Recover(ctx, s.deps.Search, loose, terms)
	}
	if r == nil || err != nil {
		return nil, err
	}
	out := &recovered{Result: r.Result, Form: f, Notes: dropped}
	typed := literal(q.Text)
	switch r.Widen {
	case search.WidenVocabulary:
		out.Form.Text = r.To
		out.Notes = append(out.Notes, note{"search.widened.vocabulary", []any{typed, literal(r.To)}})
	case search.WidenSubdomain:
		out.Unpaged = true
		out.Notes = append(out.Notes, note{"search.widened.subdomain", []any{typed, literal(r.To)}})
	case search.WidenFamily:
		out.Form.Text, out.Form.Tensions = "", []string{r.To}
		out.Notes = append(out.Notes, note{"search.widened.family", []any{typed, familyArg(r.To)}})
	}
	return out, nil
}

// didYouMean proposes up to three texts from the index's own vocabulary.
func (s *Server) didYouMean(ctx context.Context, text string) ([]string, error) {
	counts, err := s.counts(ctx)
	if err != nil {
		return nil, err
	}
	return search.DidYouMean(text, counts[search.FacetTerms], 3), nil
}

// link is a labelled address, with a count when it has one.
type link struct {
	Label, URL string
	Count      int
}

// nextSteps are what a search page offers when a search found nothing:
// the families of métiers en tension with their offers, an alert, a word
// with one's counsellor.
type nextSteps struct {
	Families []link
	// Alert is where the search is saved as an alert: the save form for a
	// youth, the sign-in page for a visitor.
	Alert string
}

func (v *searchView) nextSteps(counts map[string]map[string]int, save *saveSearchView) *nextSteps {
	steps := &nextSteps{Alert: "/connexion?suite=" + url.QueryEscape(v.Form.URL(0))}
	if save != nil {
		steps.Alert = "#save-search-title"
	}
	for family, n := range counts[search.FacetTensionFamily] {
		steps.Families = append(steps.Families, link{Label: v.L.Tension(family),
			URL: searchForm{Tensions: []string{family}}.URL(0), Count: n})
	}
	slices.SortFunc(steps.Families, func(a, b link) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Label, b.Label))
	})
	return steps
}

// didYouMeanLinks are the proposed texts as links to the same search
// with that text.
func (v *searchView) didYouMeanLinks(texts []string) []link {
	var out []link
	for _, text := range texts {
		f := v.Form
		f.Text, f.Page = text, 0
		out = append(out, link{Label: text, URL: f.URL(0)})
	}
	return out
}
