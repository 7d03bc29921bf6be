package observatory

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"passerelle/app/domain"
)

var testNow = time.Date(2026, 11, 26, 10, 0, 0, 0, domain.Paris)

// knownFacts: Nanterre 6 jobs, Colombes 3 visits, Boulogne-Billancourt 7
// internships, all published in 2025-2026; 6 applications to a Nanterre job.
func knownFacts() domain.ObservatoryFacts {
	var f domain.ObservatoryFacts
	published := time.Date(2025, 10, 1, 9, 0, 0, 0, domain.Paris)
	add := func(commune string, t domain.OfferType, n int) {
		for i := range n {
			f.Offers = append(f.Offers, domain.Offer{ID: fmt.Sprintf("%s-%s-%d", commune, t, i), Type: t,
				CommuneCode: commune, Places: 2, Status: domain.OfferPublished, PublishedAt: &published})
		}
	}
	add("92050", domain.OfferJob, 6)
	add("92025", domain.OfferVisit, 3)
	add("92012", domain.OfferInternship, 7)
	f.Offers = append(f.Offers, domain.Offer{ID: "draft", Type: domain.OfferJob, CommuneCode: "92050", Places: 9,
		Status: domain.OfferDraft})
	for i := range 6 {
		status := domain.ApplicationAccepted
		if i == 0 {
			status = domain.ApplicationDeclined
		}
		f.Applications = append(f.Applications, domain.Application{ID: fmt.Sprint("a", i), OfferID: "92050-job-0",
			Status: status, CreatedAt: published.AddDate(0, 0, 1)})
	}
	return f
}

func TestFiguresCountAndKeepSmallCellsSecret(t *testing.T) {
	fig := Compute(knownFacts(), testNow)
	c := fig.Passerelle
	for _, w := range []struct {
		measure string
		at      map[string]string
		value   int64
		secret  bool
	}{
		{Offers, nil, 16, false}, // the draft is not counted
		{Places, nil, 32, false},
		{Offers, map[string]string{DimYear: "2025-2026"}, 16, false},
		{Offers, map[string]string{DimGeo: "92025"}, 3, true},               // fewer than 5
		{Offers, map[string]string{DimGeo: TerritoryOf("92025")}, 3, true},  // its territory too
		{Offers, map[string]string{DimGeo: TerritoryOf("92050")}, 6, true},  // else 16-7 gives it away
		{Offers, map[string]string{DimGeo: "92050"}, 6, true},               // else its territory's total
		{Offers, map[string]string{DimGeo: TerritoryOf("92012")}, 7, false}, //
		{Offers, map[string]string{DimType: string(domain.OfferVisit)}, 3, true},
		{Offers, map[string]string{DimType: string(domain.OfferJob)}, 6, true}, // the smallest other term
		{Offers, map[string]string{DimType: string(domain.OfferInternship)}, 7, false},
		{Offers, map[string]string{DimESS: ESSNo}, 16, false},
		{Applications, nil, 6, false},
		{Declined, nil, 1, true},
		{Accepted, nil, 5, true}, // applications minus declined would give it
	} {
		got := c.Get(w.measure, w.at)
		if got.Value != w.value || got.Secret != w.secret {
			t.Errorf("%s at %v = %+v, want %d secret=%v", w.measure, w.at, got, w.value, w.secret)
		}
	}
	wantNoLineGivesASecretAway(t, c)
}

// wantNoLineGivesASecretAway checks every published sum: none has exactly
// one secret term, which it would give away.
func wantNoLineGivesASecretAway(t *testing.T, c *Cube) {
	t.Helper()
	for _, l := range c.lines() {
		secret := 0
		for _, k := range append([]string{l.total}, l.members...) {
			if c.cells[k].Secret {
				secret++
			}
		}
		if secret == 1 {
			t.Errorf("the sum %q has a single secret term", l.total)
		}
	}
}

func TestProgressFiguresWaitForTheEditionAndItsLaureates(t *testing.T) {
	closed := domain.Call{ID: "c1", Title: "PROGR'ESS 2025", ClosesAt: testNow.AddDate(0, -6, 0), LaureatesPublished: true}
	open := domain.Call{ID: "c2", Title: "PROGR'ESS 2026", ClosesAt: testNow.AddDate(0, 1, 0)}
	var f domain.ObservatoryFacts
	f.Calls = []domain.Call{closed, open}
	for i := range 12 {
		g := domain.GrantApplication{ID: fmt.Sprint("g", i), CallID: "c1", State: domain.GrantSubmitted}
		if i >= 6 {
			g.CallID = "c2"
		}
		g.Content.Identity.CommuneCode = "92050"
		g.Content.Project.Axes = []string{"Soutenir", "Valoriser"}
		g.Content.Budget.Resources = []domain.BudgetLine{{Kind: domain.ResourceRequest, Amount: domain.Euros(10_000)}}
		f.Grants = append(f.Grants, g)
	}
	f.Awards = []domain.Award{{ID: "g0", CallID: "c1", Amount: domain.Euros(8_000)}}
	fig := Compute(f, testNow)
	c := fig.Progress
	if len(fig.Editions) != 1 || fig.Editions[0].ID != "c1" {
		t.Errorf("editions = %+v, want only the closed one", fig.Editions)
	}
	for _, w := range []struct {
		measure string
		at      map[string]string
		value   int64
		secret  bool
	}{
		{Files, nil, 6, false},
		{Requested, nil, 60_000, false},
		{Files, map[string]string{DimAxis: "Soutenir"}, 6, false},
		{Laureates, nil, 1, true},
		{Awarded, nil, 8_000, true}, // one laureate's award
	} {
		got := c.Get(w.measure, w.at)
		if got.Value != w.value || got.Secret != w.secret {
			t.Errorf("%s at %v = %+v, want %d secret=%v", w.measure, w.at, got, w.value, w.secret)
		}
	}
	wantNoLineGivesASecretAway(t, c)
}

func TestSchoolYearStartsInSeptember(t *testing.T) {
	for at, want := range map[time.Time]string{
		time.Date(2025, 8, 31, 23, 0, 0, 0, domain.Paris): "2024-2025",
		time.Date(2025, 9, 1, 0, 0, 0, 0, domain.Paris):   "2025-2026",
	} {
		if got := SchoolYear(at); got != want {
			t.Errorf("SchoolYear(%v) = %s, want %s", at, got, want)
		}
	}
	if got := len(Territories()); got != 4 {
		t.Errorf("%d territories, want the 4 EPT of the 92", got)
	}
}

// On random facts, every cell of 1 to 4 facts is secret and no published
// sum has a single secret term.
func TestSuppressionHoldsOnRandomFacts(t *testing.T) {
	rng := rand.New(rand.NewPCG(92, 16))
	communes := []string{"92050", "92025", "92012", "92002", "92004", "92040", ""}
	var f domain.ObservatoryFacts
	for i := range 300 {
		at := time.Date(2024+rng.IntN(3), time.Month(1+rng.IntN(12)), 1, 0, 0, 0, 0, domain.Paris)
		o := domain.Offer{ID: fmt.Sprint("o", i), Type: domain.OfferTypes[rng.IntN(len(domain.OfferTypes))],
			CommuneCode: communes[rng.IntN(len(communes))], ESS: rng.IntN(3) == 0, Places: rng.IntN(4), PublishedAt: &at}
		if rng.IntN(4) == 0 {
			o.TensionFamily = "informatique"
		}
		f.Offers = append(f.Offers, o)
		f.Sessions = append(f.Sessions, domain.VisitSession{ID: o.ID, OfferID: o.ID, StartsAt: at})
		for range rng.IntN(3) {
			f.Bookings = append(f.Bookings, domain.Booking{SessionID: o.ID, OfferID: o.ID, Seats: 12,
				Priority: rng.IntN(2) == 0, Status: domain.BookingConfirmed})
		}
		for j := range rng.IntN(3) {
			f.Applications = append(f.Applications, domain.Application{ID: fmt.Sprint("a", i, "-", j), OfferID: o.ID,
				Status: domain.ApplicationStatus([]string{"sent", "accepted", "declined", "expired"}[rng.IntN(4)]), CreatedAt: at})
		}
	}
	c := Compute(f, testNow).Passerelle
	for k, cell := range c.cells {
		if cell.Support > 0 && cell.Support < Threshold && !cell.Secret {
			t.Errorf("%q counts %d facts but is shown", k, cell.Support)
		}
	}
	wantNoLineGivesASecretAway(t, c)
}
