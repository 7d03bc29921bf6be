package recommend_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/recommend"
	"passerelle/app/refdata"
	"passerelle/app/store"
	"passerelle/app/store/storetest"
	"passerelle/matching"
)

var today = time.Date(2026, 11, 26, 10, 0, 0, 0, domain.Paris)

func youth() *domain.Youth {
	consent := today.AddDate(0, -1, 0)
	return &domain.Youth{ID: "youth-1", FirstName: "Inès", BirthDate: today.AddDate(-17, 0, -3), CommuneCode: "92050",
		Level: "1re", Interests: []string{refdata.FamilyComputing, "ess"}, WantedTypes: []domain.OfferType{domain.OfferApprenticeship},
		MobilityKm: 10, GuardianConsentAt: &consent, VisibleToEmployers: true}
}

func offer(id, commune string, t domain.OfferType, family string) domain.Offer {
	published := today.AddDate(0, 0, -2)
	return domain.Offer{ID: id, Type: t, Title: "Offre " + id, CommuneCode: commune, TensionFamily: family, Level: "bac",
		AgeMin: 16, AgeMax: 25, Status: domain.OfferPublished, PublishedAt: &published, StartDate: today.AddDate(0, 1, 0)}
}

func TestConvertersKeepWhatTheScoreNeeds(t *testing.T) {
	y := recommend.Youth(youth())
	nanterre, _ := refdata.CommuneByCode("92050")
	if y.Home != (matching.Point{Lat: nanterre.Lat, Lng: nanterre.Lng}) || y.Level != 4 || !y.ESSInterest ||
		!y.GuardianConsent || !y.Visible || y.WantedTypes[0] != "apprenticeship" {
		t.Fatalf("youth: %+v", y)
	}
	o := offer("o1", "92012", domain.OfferApprenticeship, refdata.FamilyComputing)
	o.Subdomain = "Développement"
	m := recommend.Offer(&o)
	want := []matching.Interest{{Key: refdata.FamilyComputing}, {Key: "Développement", Name: "Développement"}}
	if !m.Open || !m.Place.Known() || m.Level != 6 || len(m.Interests) != 2 || m.Interests[0] != want[0] || m.Interests[1] != want[1] {
		t.Fatalf("offer: %+v", m)
	}
}

// The index is kept while the offers do not change: rebuilt at once after
// this process's writes, within store.SyncEvery after another process's;
// and the recommendations come with their reasons.
func TestRecommendationsFollowTheOffers(t *testing.T) {
	db := storetest.Open(t)
	ctx := context.Background()
	if err := db.InsertOffers(ctx, []domain.Offer{offer("near", "92050", domain.OfferApprenticeship, refdata.FamilyComputing),
		offer("far", "92071", domain.OfferJob, "")}); err != nil {
		t.Fatal(err)
	}
	now := today
	svc := recommend.New(db, recommend.Config{Weights: matching.DefaultWeights(), Count: 2, TTL: time.Hour,
		Now: func() time.Time { return now }})
	got := ids(t, svc)
	if got != "near far" {
		t.Fatalf("recommended %q", got)
	}
	recs, _ := svc.ForYouth(ctx, youth())
	if reasons := fmt.Sprint(recs[0].Reasons); !strings.Contains(reasons, "interest.informatique") {
		t.Errorf("reasons: %s", reasons)
	}
	other := storetest.Shared(t, db)
	if err := other.InsertOffers(ctx, []domain.Offer{offer("new", "92050", domain.OfferApprenticeship, refdata.FamilyComputing)}); err != nil {
		t.Fatal(err)
	}
	if err := other.PublishChanges(ctx); err != nil { // as its web server does before answering
		t.Fatal(err)
	}
	if got := ids(t, svc); got != "near far" {
		t.Fatalf("the index was read again before the other process's write was due: %q", got)
	}
	now = now.Add(store.SyncEvery)
	if got := ids(t, svc); got != "near new" && got != "new near" {
		t.Fatalf("after another process's change: %q", got)
	}
	if err := db.InsertOffers(ctx, []domain.Offer{offer("aaa-newer", "92050", domain.OfferApprenticeship, refdata.FamilyComputing)}); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, svc); !strings.Contains(got, "aaa-newer") {
		t.Fatalf("this process's change is not seen at once: %q", got)
	}
}

func ids(t *testing.T, svc *recommend.Service) string {
	t.Helper()
	recs, err := svc.ForYouth(context.Background(), youth())
	if err != nil {
		t.Fatal(err)
	}
	var list []string
	for _, r := range recs {
		list = append(list, r.Offer.ID)
	}
	return strings.Join(list, " ")
}

// Candidates are the visible youths who can take the offer, with no
// contact detail and an age band instead of a birth date.
func TestCandidatesShowTheMinimum(t *testing.T) {
	db := storetest.Open(t)
	ctx := context.Background()
	hidden := youth()
	hidden.ID, hidden.VisibleToEmployers = "youth-hidden", false
	young := youth()
	young.ID, young.BirthDate, young.GuardianConsentAt = "youth-14", today.AddDate(-14, 0, -1), nil
	young.VisibleToEmployers = true
	for _, y := range []*domain.Youth{youth(), hidden, young} {
		y.GuardianEmail = "parent@example.fr"
		if err := db.SaveYouth(ctx, *y); err != nil {
			t.Fatal(err)
		}
	}
	svc := recommend.New(db, recommend.Config{Weights: matching.DefaultWeights(), Now: func() time.Time { return today }})
	o := offer("near", "92050", domain.OfferApprenticeship, refdata.FamilyComputing)
	got, err := svc.Candidates(ctx, &o)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].YouthID != "youth-1" || got[0].AgeBand != "16–17" || got[0].FirstName != "Inès" {
		t.Fatalf("candidates: %+v", got)
	}
}

// Recommendations are not a list of visits a youth cannot book alone, nor
// the same card twice.
func TestVariedKeepsOneVisitAndNoRepeat(t *testing.T) {
	ranked := []domain.Offer{
		{ID: "v1", Type: domain.OfferVisit, Title: "Visite du fournil", OrganisationName: "Boulangerie"},
		{ID: "v2", Type: domain.OfferVisit, Title: "Visite de la crèche", OrganisationName: "Crèche"},
		{ID: "a1", Type: domain.OfferApprenticeship, Title: "Apprenti boulanger", OrganisationName: "Boulangerie"},
		{ID: "a2", Type: domain.OfferApprenticeship, Title: "Apprenti boulanger", OrganisationName: "Boulangerie"},
		{ID: "j1", Type: domain.OfferJob, Title: "Vendeur", OrganisationName: "Boulangerie"},
		{ID: "j2", Type: domain.OfferJob, Title: "Serveur", OrganisationName: "Café"},
	}
	var ids []string
	for _, o := range recommend.Varied(ranked, func(o domain.Offer) domain.Offer { return o }, 3) {
		ids = append(ids, o.ID)
	}
	if fmt.Sprint(ids) != "[v1 a1 j1]" {
		t.Errorf("varied %v, want [v1 a1 j1]", ids)
	}
}
