package demo

import (
	"testing"
	"time"

	"passerelle/app/passerelle"
)

func TestSomeYouthsFollowSavedSearches(t *testing.T) {
	forEachDay(t, func(t *testing.T, d *Dataset, today time.Time) {
		youths := map[string]bool{}
		for _, y := range d.Youths {
			youths[y.ID] = y.Age(today) >= 15
		}
		for _, s := range d.SavedSearches {
			form, err := passerelle.ParseSearchForm(s.Query)
			if err == nil {
				_, err = form.Query(20)
			}
			if err != nil || form.Canonical() != s.Query || !youths[s.YouthID] || s.Name == "" || !s.Digest {
				t.Errorf("saved search %+v: %v", s, err)
			}
		}
		if n := len(d.SavedSearches); n < 20 {
			t.Errorf("%d saved searches, want some for the digest", n)
		}
	})
}
