package web

import (
	"context"

	"passerelle/search"
)

// radiusSteps are the radii tried, in km, when a search around a commune
// finds nothing; the last one covers the whole département.
var radiusSteps = []int{2, 5, 10, 20, 50}

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
	for _, drop := range filterDrops {
		if next, filter := drop(f); filter != "" {
			f = next
			out = append(out, relaxation{f, note{"search.relaxed.filter", []any{filter}}})
		}
	}
	return out
}

// filterDrops remove one filter each, from the least important, and name
// it by its catalog key; "" when the form did not use it.
var filterDrops = []func(f searchForm) (searchForm, string){
	func(f searchForm) (searchForm, string) {
		return with(f, f.ESS, func(f *searchForm) { f.ESS = false }, "search.filter.ess")
	},
	func(f searchForm) (searchForm, string) {
		return with(f, len(f.Tensions) > 0, func(f *searchForm) { f.Tensions = nil }, "search.filter.tension")
	},
	func(f searchForm) (searchForm, string) {
		return with(f, len(f.Communes) > 0, func(f *searchForm) { f.Communes = nil }, "search.filter.commune")
	},
	func(f searchForm) (searchForm, string) {
		return with(f, f.Accessible, func(f *searchForm) { f.Accessible = false }, "search.filter.accessible")
	},
	func(f searchForm) (searchForm, string) {
		return with(f, len(f.Types) > 0, func(f *searchForm) { f.Types = nil }, "search.filter.type")
	},
}

func with(f searchForm, used bool, clear func(*searchForm), key string) (searchForm, string) {
	if !used {
		return f, ""
	}
	clear(&f)
	return f, key
}

// recovered is the first relaxation that finds something, with the notes of
// every step taken to get there.
type recovered struct {
	Form   searchForm
	Result *search.Result
	Notes  []note
}

// recover tries the relaxations of a search that found nothing, in order,
// and returns the first that finds offers, or nil.
func (s *Server) recover(ctx context.Context, f searchForm, perPage int) (*recovered, error) {
	var notes []note
	for _, r := range relaxations(f) {
		if len(notes) > 0 && notes[len(notes)-1].Key == r.note.Key && r.note.Key == "search.relaxed.radius" {
			notes = notes[:len(notes)-1] // only the widest radius tried is worth saying
		}
		notes = append(notes, r.note)
		r.form.Page = 0
		q, err := r.form.query(perPage)
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
