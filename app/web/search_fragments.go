package web

import (
	"bytes"
	"html/template"
	"time"

	"github.com/gofiber/fiber/v2"
	lru "github.com/hashicorp/golang-lru/v2"

	"passerelle/app/domain"
	"passerelle/app/store"
	"passerelle/search"
)

// keptSearches bounds the rendered results kept: about 40 KB each.
const keptSearches = 512

// searchFragments keeps the rendered filters and results of recent searches
// by language and query string. A class typing the same words, or paging
// back and forth, gets them without the search, « vouliez-vous dire » and
// the layout of twenty offers and five facets, which took more than half of
// the page's time under a crowd. They depend on nothing else (see
// searchKey): who is signed in shows outside them. This process's index writes (counted by
// search.Counted) drop them at once; another process's, on a shared
// Meilisearch, show within store.SyncEvery, as the read models do.
type searchFragments struct {
	writes func() uint64 // nil keeps nothing: the engine does not count its writes
	now    func() time.Time
	kept   *lru.Cache[string, searchFragment]
}

type searchFragment struct {
	html   template.HTML
	writes uint64 // the index writes when the search ran
	until  time.Time
}

// newSearchFragments keeps fragments when engine counts its writes.
func newSearchFragments(engine search.Engine, now func() time.Time) searchFragments {
	counted, ok := engine.(interface{ Writes() uint64 })
	if !ok {
		return searchFragments{}
	}
	kept, _ := lru.New[string, searchFragment](keptSearches) // only a size ≤ 0 fails
	return searchFragments{writes: counted.Writes, now: now, kept: kept}
}

// searchKey names a request's fragment: its language, its audience (the
// next steps of a search that found nothing point a youth to the save form
// and anyone else to signing in) and its query string (copied: Fiber
// reuses the request's bytes).
func searchKey(c *fiber.Ctx) string {
	audience := "visitor"
	if u := currentUser(c); u != nil && u.HasRole(domain.RoleYouth) {
		audience = "youth"
	}
	return localeOf(c) + "|" + audience + "?" + string(c.Request().URI().QueryString())
}

// get returns the fragment kept for key, if it is still current, and the
// index writes to put a new one with. Nothing is kept for the key "".
func (f *searchFragments) get(key string) (template.HTML, uint64, bool) {
	if f.writes == nil || key == "" {
		return "", 0, false
	}
	writes := f.writes()
	kept, ok := f.kept.Get(key)
	if !ok || kept.writes != writes || !f.now().Before(kept.until) {
		return "", writes, false
	}
	return kept.html, writes, true
}

// put keeps html, rendered from a search that ran when the index had had
// writes writes.
func (f *searchFragments) put(key string, writes uint64, html template.HTML) {
	if f.writes != nil && key != "" {
		f.kept.Add(key, searchFragment{html: html, writes: writes, until: f.now().Add(store.SyncEvery)})
	}
}

// renderFragment lays out one template of page's set on its own.
func (s *Server) renderFragment(page, name string, data any) (template.HTML, error) {
	var buf bytes.Buffer
	if err := s.views.pages[page].ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil // html/template escaped it
}
