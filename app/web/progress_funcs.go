package web

import (
	"net/url"
	"slices"
)

// formHas reports whether a multi-valued form field holds value (a checked box).
func formHas(form url.Values, key, value string) bool { return slices.Contains(form[key], value) }

func add(a, b int) int { return a + b }

// kilobytes rounds a size up to whole kilobytes.
func kilobytes(size int64) int { return int((size + 1023) / 1024) }

// formNth is the i-th value of a repeated form field, or "".
func formNth(form url.Values, key string, i int) string {
	if i < len(form[key]) {
		return form[key][i]
	}
	return ""
}
