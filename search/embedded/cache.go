package embedded

import (
	"encoding/json"
	"sync"

	"passerelle/search"
)

// cachedQueries bounds the results kept: about 20 offers each, a few
// megabytes in all.
const cachedQueries = 256

// results keeps the answers of recent queries by their normalized form: a
// class typing the same words, or paging back and forth, asks the same
// queries. The engine owns its index, so its own writes are all the changes
// there are: each one empties the cache, and an answer computed while a
// write happened is not kept.
type results struct {
	mu         sync.Mutex
	off        bool // see DisableCache
	generation uint64
	byQuery    map[string]*search.Result
}

// DisableCache makes every search run: `bench search` measures the engine.
func (e *Engine) DisableCache() {
	e.cache.mu.Lock()
	defer e.cache.mu.Unlock()
	e.cache.off = true
}

// cacheKey is the normalized query's text; "" when it cannot be made.
func cacheKey(q search.Query) string {
	key, err := json.Marshal(q)
	if err != nil {
		return ""
	}
	return string(key)
}

// get returns the cached answer (a copy of the result; its hits and facets
// are shared and never changed) and the generation to put a new one with.
func (r *results) get(key string) (*search.Result, uint64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if res, ok := r.byQuery[key]; ok && key != "" {
		copied := *res
		return &copied, r.generation
	}
	return nil, r.generation
}

func (r *results) put(key string, generation uint64, res *search.Result) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if key == "" || r.off || generation != r.generation {
		return // the index changed meanwhile
	}
	if r.byQuery == nil || len(r.byQuery) >= cachedQueries {
		r.byQuery = map[string]*search.Result{}
	}
	copied := *res
	r.byQuery[key] = &copied
}

// drop forgets every answer: the index changed.
func (r *results) drop() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.generation++
	r.byQuery = nil
}
