package store_test

import (
	"context"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/store/storetest"
)

var monday = time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)

func day(n int) time.Time { return monday.AddDate(0, 0, n) }

func dayPtr(n int) *time.Time { d := day(n); return &d }

func TestLatestPublishedOffersAndCounts(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	offers := []domain.Offer{
		{ID: "o1", Title: "Apprenti boulanger", Status: domain.OfferPublished, PublishedAt: dayPtr(1)},
		{ID: "o2", Title: "Auxiliaire de crèche", Status: domain.OfferPublished, PublishedAt: dayPtr(3)},
		{ID: "o3", Title: "Développeuse web", Status: domain.OfferPending},
		{ID: "o4", Title: "Stage de 3e", Status: domain.OfferPublished, PublishedAt: dayPtr(2)},
	}
	if err := db.InsertOffers(ctx, offers); err != nil {
		t.Fatal(err)
	}
	latest, err := db.LatestPublishedOffers(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	if got := offerIDsOf(latest); got != "o2 o4 " {
		t.Errorf("latest published = %q, want \"o2 o4 \"", got)
	}
	counts, err := db.Counts(ctx, monday)
	if err != nil {
		t.Fatal(err)
	}
	if byStatus := counts.OffersByStatus; byStatus[domain.OfferPublished] != 3 || byStatus[domain.OfferPending] != 1 || len(byStatus) != 2 {
		t.Errorf("counts by status = %v", byStatus)
	}
}

func offerIDsOf(offers []domain.Offer) string {
	ids := ""
	for _, o := range offers {
		ids += o.ID + " "
	}
	return ids
}

func TestUpcomingSessionsCarryTheirOffer(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	offers := []domain.Offer{
		{ID: "visit", Title: "Visite d'une cuisine centrale", OrganisationName: "Sodexo", CommuneCode: "92050", Status: domain.OfferPublished},
		{ID: "closed", Title: "Visite fermée", Status: domain.OfferClosed},
	}
	sessions := []domain.VisitSession{
		{ID: "past", OfferID: "visit", StartsAt: day(-1)},
		{ID: "later", OfferID: "visit", StartsAt: day(5)},
		{ID: "soon", OfferID: "visit", StartsAt: day(1)},
		{ID: "of-closed", OfferID: "closed", StartsAt: day(2)},
	}
	if err := db.InsertOffers(ctx, offers); err != nil {
		t.Fatal(err)
	}
	if err := db.InsertSessions(ctx, sessions); err != nil {
		t.Fatal(err)
	}
	upcoming, err := db.UpcomingSessions(ctx, monday, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(upcoming) != 2 || upcoming[0].ID != "soon" || upcoming[1].ID != "later" {
		t.Fatalf("upcoming = %+v, want soon then later", upcoming)
	}
	if s := upcoming[0]; s.OfferTitle != offers[0].Title || s.OrganisationName != "Sodexo" || s.CommuneCode != "92050" {
		t.Errorf("session listed with %q, %q, %q", s.OfferTitle, s.OrganisationName, s.CommuneCode)
	}
}

func TestOpenCalls(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	calls := []domain.Call{
		{ID: "2023", OpensAt: day(-400), ClosesAt: day(-300)},
		{ID: "2024", OpensAt: day(-10), ClosesAt: day(30), Budget: domain.Euros(100_000)},
		{ID: "2025", OpensAt: day(300), ClosesAt: day(400)},
	}
	if err := db.InsertCalls(ctx, calls); err != nil {
		t.Fatal(err)
	}
	open, err := db.OpenCalls(ctx, monday)
	if err != nil {
		t.Fatal(err)
	}
	if len(open) != 1 || open[0].ID != "2024" || open[0].Budget != domain.Euros(100_000) {
		t.Errorf("open calls = %+v, want only 2024", open)
	}
}

func TestUsersOrganisationsYouths(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	users := []domain.User{{ID: "u1", Email: "a@example.org"}, {ID: "u2", Email: "b@example.org"}}
	orgs := []domain.Organisation{{ID: "lycee", Kind: domain.KindSchool, UAI: "0920130S", Name: "Lycée Michelet"}}
	youths := []domain.Youth{{ID: "u2", FirstName: "Yanis", BirthDate: time.Date(2009, 4, 2, 0, 0, 0, 0, time.UTC)}}
	for _, err := range []error{db.InsertUsers(ctx, users), db.InsertOrganisations(ctx, orgs), db.InsertYouths(ctx, youths)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	if p, err := db.UsersPage(ctx, "", domain.PageRequest{Number: 1, Size: 1}); err != nil || p.Total != 2 {
		t.Errorf("UsersPage total = %d, %v; want 2", p.Total, err)
	}
	if u, err := db.UserByEmail(ctx, "b@example.org"); err != nil || u.ID != "u2" {
		t.Errorf("UserByEmail = %+v, %v", u, err)
	}
	if o, err := db.OrganisationByID(ctx, "lycee"); err != nil || o.Name != "Lycée Michelet" {
		t.Errorf("OrganisationByID = %+v, %v", o, err)
	}
	if y, err := db.YouthByID(ctx, "u2"); err != nil || !y.BirthDate.Equal(youths[0].BirthDate) {
		t.Errorf("YouthByID = %+v, %v", y, err)
	}
	_, err := db.UserByEmail(ctx, "nobody@example.org")
	assertCode(t, err, domain.ENOTFOUND)
}
