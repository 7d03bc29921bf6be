package web

import (
	"context"

	"passerelle/search"
)

// radiusSteps are the radii offered, in km, and tried in turn when a search
// around a commune finds nothing; the last covers the whole département.
var radiusSteps = func() []int {
	steps := make([]int, len(search.RadiusSteps))
	for i, km := range search.RadiusSteps {
		steps[i] = int(km)
	}
	return steps
}()

// relaxation is one loosening of a search that found nothing, with the
// sentence that tells the user what was loosened.
type relaxation struct {
	form searchForm
	note note
}

// note is a catalog key and its arguments, translated by the page.
type note struct {
	Key  string
	Args []any
}

// relaxations lists, in order, ever looser versions of f: the radius widened
// step by step, then the filters dropped one by one from the least
// important. The text and the age, which says what the youth may apply to,
// are never dropped.
func relaxations(f searchForm) []relaxation {
	var out []relaxation
	if f.Near != "" && f.Radius > 0 {
		asked := f.Radius
		for _, r := range radiusSteps {
			if r > asked {
				f.Radius = r
				out = append(out, relaxation{f, note{"search.relaxed.radius", []any{asked, r}}})
			}
		}
	}
	for _, filter := range filterDrops {
		if filter.drop(&f) {
			out = append(out, relaxation{f, note{"search.relaxed.filter", []any{filter.name}}})
		}
	}
	return out
}

// filterDrops are the filters a relaxation may drop, from the least
// important, each named by its catalog key.
var filterDrops = []struct {
	name string
	drop func(f *searchForm) bool // clears the filter; false when it was not set
}{
	{"search.filter.ess", func(f *searchForm) bool { used := f.ESS; f.ESS = false; return used }},
	{"search.filter.tension", func(f *searchForm) bool { used := f.Tensions != nil; f.Tensions = nil; return used }},
	{"search.filter.commune", func(f *searchForm) bool { used := f.Communes != nil; f.Communes = nil; return used }},
	{"search.filter.accessible", func(f *searchForm) bool { used := f.Accessible; f.Accessible = false; return used }},
	{"search.filter.type", func(f *searchForm) bool { used := f.Types != nil; f.Types = nil; return used }},
}

// recovered is the first relaxation that finds something, with the notes of
// every step taken to get there.
type recovered struct {
	Form   searchForm
	Result *search.Result
	Notes  []note
	// Unpaged is set when the form cannot say the looser search (a ROME
	// sub-domain): only its first page is shown.
	Unpaged bool
}

// recover finds offers for a search that found none: when its words find
// nothing anywhere, by widening the words (see recoverWords); otherwise by
// the relaxations of its radius and filters, in order. It returns the first
// looser search that finds offers, or nil.
func (s *Server) recover(ctx context.Context, f searchForm, q search.Query) (*recovered, error) {
	if search.HasWords(q.Text) {
		anywhere, err := s.deps.Search.Search(ctx, search.Query{Text: q.Text, PerPage: 1})
		if err != nil || anywhere.Total == 0 {
			return s.recoverWords(ctx, f, q, err)
		}
	}
	return s.relax(ctx, f, q.PerPage)
}

// relax tries the relaxations of f in order.
func (s *Server) relax(ctx context.Context, f searchForm, perPage int) (*recovered, error) {
	var notes []note
	for _, r := range relaxations(f) {
		if len(notes) > 0 && notes[len(notes)-1].Key == r.note.Key && r.note.Key == "search.relaxed.radius" {
			notes = notes[:len(notes)-1] // only the widest radius tried is worth saying
		}
		notes = append(notes, r.note)
		r.form.Page = 0
		q, err := r.form.Query(perPage)
		if err != nil {
			return nil, err
		}
		res, err := s.deps.Search.Search(ctx, q)
		if err != nil {
			return nil, err
		}
		if res.Total > 0 {
			return &recovered{Form: r.form, Result: res, Notes: notes}, nil
		}
	}
	return nil, nil
}
