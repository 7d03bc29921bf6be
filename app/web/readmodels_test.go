package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/store"
	"passerelle/app/store/storetest"
	"passerelle/app/web"
)

// A page kept in memory shows a write at once to the process that made
// it, and within store.SyncEvery to another process sharing the database.
func TestKeptPagesShowAWriteAtOnceHereAndWithinTheBoundElsewhere(t *testing.T) {
	here := newFixture(t)
	elsewhereNow := here.now
	elsewhere := newEmptyFixture(t, storetest.Shared(t, here.db), func(d *web.Deps) {
		d.Now = func() time.Time { return elsewhereNow }
	})
	pending, err := here.db.Offers(context.Background(), domain.OfferFilter{Status: domain.OfferPending})
	if err != nil || len(pending) == 0 {
		t.Fatalf("no pending demo offer: %v", err)
	}
	offer := pending[0]
	title := `href="/offres/` + offer.ID + `"`
	for _, f := range []*fixture{here, elsewhere} {
		if _, body := f.visitor().get(t, "/"); strings.Contains(body, title) {
			t.Fatalf("the home page shows an offer still in moderation")
		}
	}

	staff := here.staffVisitor(t)
	staff.get(t, "/agents/moderation")
	resp, _ := staff.post(t, "/agents/moderation/"+offer.ID+"/publication", url.Values{})
	wantStatus(t, resp, http.StatusSeeOther)
	if _, body := here.visitor().get(t, "/"); !strings.Contains(body, title) {
		t.Errorf("the process that published the offer does not show it on its home page at once")
	}
	if _, body := elsewhere.visitor().get(t, "/"); strings.Contains(body, title) {
		t.Errorf("the other process read the database before the bound: its home page is not kept")
	}
	elsewhereNow = elsewhereNow.Add(store.SyncEvery)
	if _, body := elsewhere.visitor().get(t, "/"); !strings.Contains(body, title) {
		t.Errorf("the other process does not show the published offer %s after it", store.SyncEvery)
	}
	resp, _ = elsewhere.visitor().get(t, "/offres/"+offer.ID)
	wantStatus(t, resp, http.StatusOK)
}
