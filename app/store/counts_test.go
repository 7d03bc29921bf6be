package store_test

import (
	"context"
	"testing"

	"passerelle/app/domain"
	"passerelle/app/store/storetest"
)

func TestCounts(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	offers := []domain.Offer{
		{ID: "o1", Type: domain.OfferVisit, Status: domain.OfferPublished},
		{ID: "o2", Type: domain.OfferVisit, Status: domain.OfferPublished},
		{ID: "o3", Type: domain.OfferJob, Status: domain.OfferPublished},
		{ID: "o4", Type: domain.OfferJob, Status: domain.OfferDraft},
	}
	orgs := []domain.Organisation{
		{ID: "school", Kind: domain.KindSchool},
		{ID: "shop", Kind: domain.KindCompany, SIRET: "1"},
		{ID: "asso", Kind: domain.KindAssociation, Verified: true},
	}
	sessions := []domain.VisitSession{{ID: "past", StartsAt: day(-1)}, {ID: "next", StartsAt: day(1)}}
	youths := []domain.Youth{{ID: "y1"}, {ID: "y2"}, {ID: "y3"}}
	for _, err := range []error{db.InsertOffers(ctx, offers), db.InsertOrganisations(ctx, orgs),
		db.InsertSessions(ctx, sessions), db.InsertYouths(ctx, youths)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	c, err := db.Counts(ctx, monday)
	if err != nil {
		t.Fatal(err)
	}
	if c.PublishedByType[domain.OfferVisit] != 2 || c.PublishedByType[domain.OfferJob] != 1 || len(c.PublishedByType) != 2 {
		t.Errorf("published by type = %v", c.PublishedByType)
	}
	if c.Organisations != 3 || c.UnverifiedEmployers != 1 || c.UpcomingSessions != 1 || c.Youths != 3 {
		t.Errorf("counts = %+v, want 3 organisations, 1 unverified employer, 1 upcoming session, 3 youths", c)
	}
}
