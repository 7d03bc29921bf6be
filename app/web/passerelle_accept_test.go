package web_test

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"

	"passerelle/app/domain"
	"passerelle/app/store/storetest"
	"passerelle/app/web"
)

// Two hundred youths apply at once to a one-place job, then the employer's
// two hundred acceptances race: one at most is accepted, through HTTP.
func TestTwoHundredConcurrentAcceptancesThroughHTTP(t *testing.T) {
	ctx := context.Background()
	f := newEmptyFixture(t, storetest.Open(t), func(*web.Deps) {})
	p := f.programme(t)
	base := f.listen(t)
	p.employer.base = base
	status, o := p.employer.call(t, "POST", "/api/v1/offers", f.offerBody("job"))
	if status != http.StatusCreated {
		t.Fatalf("create job: %d %v", status, o)
	}
	jobID := o["id"].(string)
	ids := make([]string, 200)
	var wg sync.WaitGroup
	for i := range ids {
		id := fmt.Sprintf("api-youth-%03d", i)
		if err := f.db.InsertYouths(ctx, []domain.Youth{{ID: id, BirthDate: f.now.AddDate(-19, 0, 0), Level: "bac"}}); err != nil {
			t.Fatal(err)
		}
		youth := f.apiUser(t, id, domain.RoleYouth)
		youth.base = base
		wg.Go(func() {
			status, a := youth.call(t, "POST", "/api/v1/offers/"+jobID+"/applications", map[string]any{"message": "Disponible dès lundi."})
			if status != http.StatusCreated {
				t.Errorf("apply: %d %v", status, a)
				return
			}
			ids[i] = a["id"].(string)
		})
	}
	wg.Wait()
	statuses := make(chan int, len(ids))
	for _, id := range ids {
		wg.Go(func() {
			status, _ := p.employer.call(t, "POST", "/api/v1/applications/"+id+"/status", map[string]any{"status": "accepted"})
			statuses <- status
		})
	}
	wg.Wait()
	close(statuses)
	counts := map[int]int{}
	for s := range statuses {
		counts[s]++
	}
	offer, _ := f.db.OfferByID(ctx, jobID)
	if counts[http.StatusOK] != 1 || counts[http.StatusConflict] != 199 || offer.PlacesLeft != 0 {
		t.Errorf("answers %v, %d places left; want one acceptance and 199 conflicts", counts, offer.PlacesLeft)
	}
}
