package passerelle_test

import (
	"context"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/passerelle"
)

func parisDay(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, domain.Paris)
}

func TestOfferGivenByWeeksKeepsThemAndItsDates(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	o := e.publishedOffer(t, domain.OfferInternship3e, func(in *passerelle.OfferInput) {
		in.StartDate, in.EndDate = time.Time{}, time.Time{}
		in.Weeks = []time.Time{parisDay(2026, 12, 16), parisDay(2026, 12, 7)} // a Wednesday stands for its week
	})
	saved, err := e.db.OfferByID(ctx, o.ID)
	must(t, err)
	if len(saved.Weeks) != 2 || !saved.Weeks[1].Equal(parisDay(2026, 12, 14)) ||
		!saved.StartDate.Equal(parisDay(2026, 12, 7)) || !saved.EndDate.Equal(parisDay(2026, 12, 18)) {
		t.Fatalf("saved weeks %v, dates %v – %v", saved.Weeks, saved.StartDate, saved.EndDate)
	}
	in := passerelle.InputOf(saved)
	in.Weeks, in.StartDate, in.EndDate = nil, today.AddDate(0, 1, 0), today.AddDate(0, 2, 0)
	_, err = e.svc.UpdateOffer(ctx, employer, o.ID, in, true)
	must(t, err)
	if edited, _ := e.db.OfferByID(ctx, o.ID); len(edited.Weeks) != 0 || !edited.StartDate.Equal(in.StartDate) {
		t.Errorf("back to dates: weeks %v, start %v", edited.Weeks, edited.StartDate)
	}
}

func TestBadWeeksWriteNothing(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	many := make([]time.Time, domain.OfferWeeksMax+1)
	for i := range many {
		many[i] = parisDay(2027, 1, 4).AddDate(0, 0, 7*i)
	}
	for name, c := range map[string]struct {
		weeks []time.Time
		key   string
	}{
		"past":      {[]time.Time{parisDay(2026, 11, 9)}, "error.offer.weeks_past"},
		"duplicate": {[]time.Time{parisDay(2026, 12, 7), parisDay(2026, 12, 11)}, "error.offer.weeks_duplicate"},
		"too many":  {many, "error.offer.weeks_count"},
	} {
		in := offerInput(domain.OfferInternship3e)
		in.Weeks = c.weeks
		if _, err := e.svc.CreateOffer(ctx, employer, "org-verified", in, false); domain.ErrorMessage(err) != c.key {
			t.Errorf("%s: %v, want %s", name, err, c.key)
		}
	}
	if offers, _ := e.db.Offers(ctx, domain.OfferFilter{OrganisationIDs: []string{"org-verified"}}); len(offers) != 0 {
		t.Errorf("offers with bad weeks were saved: %d", len(offers))
	}
}
