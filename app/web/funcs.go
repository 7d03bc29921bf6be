package web

import (
	"fmt"
	"time"
)

// dict builds a map from alternating keys and values, so that a template can
// pass several values to a partial.
func dict(pairs ...any) (map[string]any, error) {
	if len(pairs)%2 != 0 {
		return nil, fmt.Errorf("dict needs pairs, got %d values", len(pairs))
	}
	m := make(map[string]any, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		key, ok := pairs[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict key %v is not a string", pairs[i])
		}
		m[key] = pairs[i+1]
	}
	return m, nil
}

// daysUntil counts the whole days left before deadline, never below zero.
func daysUntil(now, deadline time.Time) int {
	if !deadline.After(now) {
		return 0
	}
	return int(deadline.Sub(now).Hours() / 24)
}

func iso(t time.Time) string { return t.UTC().Format(time.RFC3339) }
