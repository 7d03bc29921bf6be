package domain_test

import (
	"testing"

	"passerelle/app/domain"
)

// A saved search's id names its youth and slot, so that a store reads and
// changes it by _id alone: another youth's id, or a slot out of range, is
// never the youth's.
func TestIsSavedSearchOf(t *testing.T) {
	for _, c := range []struct {
		youth, id string
		want      bool
	}{
		{"user-1", domain.SavedSearchID("user-1", 1), true},
		{"user-1", domain.SavedSearchID("user-1", domain.MaxSavedSearches), true},
		{"user-1", domain.SavedSearchID("user-12", 1), false},
		{"user-1", "user-1~0", false},
		{"user-1", "user-1~01", false},
		{"user-1", "user-1~11", false},
		{"user-1", "user-1~1~2", false},
		{"user-1", "user-1", false},
	} {
		if got := domain.IsSavedSearchOf(c.youth, c.id); got != c.want {
			t.Errorf("IsSavedSearchOf(%q, %q) = %v", c.youth, c.id, got)
		}
	}
}
