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

// grantFields are the catalog keys of the labels of a file's fields, by
// their path in a domain.Change.
var grantFields = map[string]string{"identity.rna": "organisation.rna", "identity.siret": "organisation.siret",
	"identity.commune_code": "progress.identity.commune", "identity.address": "organisation.address",
	"budget.expenses": "progress.budget.expenses", "budget.resources": "progress.budget.resources"}

// grantField is the catalog key of the label of a file's field: its path
// under "progress." unless grantFields names another.
func grantField(path string) string {
	if key, ok := grantFields[path]; ok {
		return key
	}
	return "progress." + path
}
