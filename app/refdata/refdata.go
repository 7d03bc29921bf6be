// Package refdata serves the reference data embedded in the binary: the communes
// of the Hauts-de-Seine, its lycées and priority-education collèges, and the
// ROME job repertory with the programme's métiers en tension. The data is parsed
// once, on first use; see data/SOURCES.md for where each file comes from.
package refdata

import (
	"embed"
	"slices"
	"sync"
)

//go:embed data/*.csv data/*.json
var files embed.FS

// tables holds every parsed file with its lookup indexes.
type tables struct {
	communes      []Commune
	communeByCode map[string]int
	communeWords  [][]string
	schools       []School
	schoolByUAI   map[string]int
	schoolWords   [][]string
	jobs          []Job
	jobByCode     map[string]int
	jobWords      [][]string
}

// loaded parses the embedded files on first use. A parse error panics: the
// files are part of the binary, so an error is a build defect that the
// package tests catch.
var loaded = sync.OnceValue(func() *tables {
	t := &tables{}
	t.loadCommunes()
	t.loadSchools()
	t.loadJobs()
	return t
})

// indexBy maps each key of items to its position.
func indexBy[T any](items []T, key func(T) string) map[string]int {
	index := make(map[string]int, len(items))
	for i, item := range items {
		index[key(item)] = i
	}
	return index
}

// lookup returns the item whose key is k, if any.
func lookup[T any](items []T, index map[string]int, k string) (T, bool) {
	i, ok := index[k]
	if !ok {
		var zero T
		return zero, false
	}
	return items[i], true
}

// firstMatches returns up to limit items (all when limit <= 0) that match,
// in data order.
func firstMatches[T any](items []T, match func(i int) bool, limit int) []T {
	var found []T
	for i := range items {
		if limit > 0 && len(found) >= limit {
			break
		}
		if match(i) {
			found = append(found, items[i])
		}
	}
	return slices.Clip(found)
}
