package passerelle_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"passerelle/app/domain"
)

// Many saves at once keep at most ten searches: each takes one of the
// youth's ten slots, and a slot taken meanwhile is refused, never doubled.
func TestSavedSearchLimitHoldsUnderConcurrentSaves(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	youth := &domain.User{ID: "u-youth", Email: "nour@example.org", Roles: []domain.Role{domain.RoleYouth}}
	must(t, e.db.InsertYouths(ctx, []domain.Youth{{ID: youth.ID, FirstName: "Nour", BirthDate: today.AddDate(-17, 0, 0)}}))
	var mu sync.Mutex
	refusals := map[string]int{}
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			if _, err := e.svc.SaveSearch(ctx, youth, fmt.Sprintf("Recherche %d", i), fmt.Sprintf("q=metier%d", i)); err != nil {
				mu.Lock()
				refusals[domain.ErrorMessage(err)]++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	saved, err := e.db.SavedSearchesOfYouth(ctx, youth.ID)
	must(t, err)
	if len(saved) > domain.MaxSavedSearches || len(saved)+refusals["error.saved_search.limit"]+refusals["error.conflict"] != 16 {
		t.Fatalf("%d saved, refusals %v", len(saved), refusals)
	}
	for len(saved) < domain.MaxSavedSearches { // the slots left by refused conflicts are still free
		_, err := e.svc.SaveSearch(ctx, youth, "Encore", fmt.Sprintf("q=autre%d", len(saved)))
		must(t, err)
		saved, _ = e.db.SavedSearchesOfYouth(ctx, youth.ID)
	}
	if _, err := e.svc.SaveSearch(ctx, youth, "Une de trop", "q=trop"); domain.ErrorMessage(err) != "error.saved_search.limit" {
		t.Fatalf("the eleventh search: %v", err)
	}
}
