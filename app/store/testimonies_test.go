package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"passerelle/app/domain"
)

func TestTestimoniesAreModeratedOnceAndShowWherePublished(t *testing.T) {
	ctx := context.Background()
	org, at := newID("tem-org"), time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	kept, refused := newID("tem-kept"), newID("tem-refused")
	for _, id := range []string{kept, refused} {
		if err := testDB.InsertTestimony(ctx, domain.Testimony{ID: id, OrganisationID: org, Author: "Inès", Text: "Bien.",
			Status: domain.TestimonyPending, CreatedAt: at}); err != nil {
			t.Fatal(err)
		}
	}
	if got, err := testDB.PublishedTestimonies(ctx, org, "", 10); err != nil || len(got) != 0 {
		t.Fatalf("pending testimonies shown: %+v %v", got, err)
	}
	if err := testDB.ModerateTestimony(ctx, kept, domain.TestimonyPublished, []string{"petite_enfance"}, at); err != nil {
		t.Fatal(err)
	}
	if err := testDB.ModerateTestimony(ctx, kept, domain.TestimonyRefused, nil, at); domain.ErrorCode(err) != domain.ECONFLICT {
		t.Fatalf("a second decision: %v, want a conflict", err)
	}
	if err := testDB.ModerateTestimony(ctx, newID("tem-missing"), domain.TestimonyRefused, nil, at); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("a missing testimony: %v, want not found", err)
	}
	if err := testDB.ModerateTestimony(ctx, refused, domain.TestimonyRefused, nil, at); err != nil {
		t.Fatal(err)
	}
	ids := func(ts []domain.Testimony) (out []string) {
		for _, t := range ts {
			out = append(out, t.ID)
		}
		return out
	}
	if got, err := testDB.PublishedTestimonies(ctx, org, "", 10); err != nil || !slices.Equal(ids(got), []string{kept}) {
		t.Fatalf("organisation's testimonies %v %v, want %s", ids(got), err, kept)
	}
	if got, _ := testDB.PublishedTestimonies(ctx, "", "petite_enfance", 100); !slices.Contains(ids(got), kept) {
		t.Fatalf("the family's page lacks the testimony: %v", ids(got))
	}
	if got, _ := testDB.PublishedTestimonies(ctx, "", "informatique", 100); slices.Contains(ids(got), kept) {
		t.Fatal("another family's page shows the testimony")
	}
}

func TestAConfirmedDiscoveryIsNeverClaimedAgain(t *testing.T) {
	ctx := context.Background()
	youth := newID("disc-youth")
	claim := domain.YouthDiscovery{ID: youth + "/informatique", YouthID: youth, Family: "informatique", Digest: "youth_digest/2026-W48/a"}
	mine := func() []domain.YouthDiscovery {
		all, err := testDB.YouthDiscoveries(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return slices.DeleteFunc(all, func(d domain.YouthDiscovery) bool { return d.YouthID != youth })
	}
	if err := testDB.ClaimYouthDiscoveries(ctx, []domain.YouthDiscovery{claim}); err != nil {
		t.Fatal(err)
	}
	again := claim
	again.Digest = "youth_digest/2026-W49/a" // an unconfirmed claim goes to a later digest
	if err := testDB.ClaimYouthDiscoveries(ctx, []domain.YouthDiscovery{again}); err != nil {
		t.Fatal(err)
	}
	if err := testDB.ConfirmYouthDiscoveries(ctx, []string{again.Digest}); err != nil {
		t.Fatal(err)
	}
	late := claim
	late.Digest = "youth_digest/2026-W50/a"
	if err := testDB.ClaimYouthDiscoveries(ctx, []domain.YouthDiscovery{late}); err != nil {
		t.Fatal(err)
	}
	if got := mine(); len(got) != 1 || got[0].Digest != again.Digest || !got[0].Confirmed {
		t.Fatalf("records %+v, want the W49 claim confirmed", got)
	}
	if err := testDB.DeleteYouthDiscoveries(ctx, youth); err != nil || len(mine()) != 0 {
		t.Fatalf("erasure left %+v (%v)", mine(), err)
	}
}
