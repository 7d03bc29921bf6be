package store_test

import (
	"context"
	"testing"
	"time"

	"passerelle/app/domain"
)

func favourite(youth, offer string, at time.Time) domain.Favourite {
	return domain.Favourite{ID: domain.FavouriteID(youth, offer), YouthID: youth, OfferID: offer, CreatedAt: at}
}

func offerIDs(favs []domain.Favourite) []string {
	ids := make([]string, len(favs))
	for i, f := range favs {
		ids[i] = f.OfferID
	}
	return ids
}

func TestFavouritesAreIdempotentAndNewestFirst(t *testing.T) {
	ctx := context.Background()
	youth, at := newID("fav-youth"), time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	for i, offer := range []string{"offer-a", "offer-b", "offer-a", "offer-c"} {
		if err := testDB.SaveFavourite(ctx, favourite(youth, offer, at.Add(time.Duration(i)*time.Hour))); err != nil {
			t.Fatal(err)
		}
	}
	if err := testDB.SaveFavourite(ctx, favourite(newID("fav-other"), "offer-b", at)); err != nil {
		t.Fatal(err)
	}
	favs, err := testDB.FavouritesOfYouth(ctx, youth)
	if got := offerIDs(favs); err != nil || len(got) != 3 || got[0] != "offer-c" || got[1] != "offer-a" || got[2] != "offer-b" {
		t.Fatalf("favourites = %v, %v; want offer-c, offer-a (saved again), offer-b", got, err)
	}
	p, err := testDB.FavouritesOfYouthPage(ctx, youth, domain.PageRequest{Number: 2, Size: 2})
	if err != nil || p.Total != 3 || len(p.Items) != 1 || p.Items[0].OfferID != "offer-b" {
		t.Errorf("second page of two: %+v, %v", p, err)
	}
	if on, err := testDB.IsFavourite(ctx, youth, "offer-a"); !on || err != nil {
		t.Errorf("offer-a is a favourite: %v, %v", on, err)
	}
	for range 2 {
		if err := testDB.DeleteFavourite(ctx, youth, "offer-a"); err != nil {
			t.Fatal(err)
		}
	}
	if favs, _ := testDB.FavouritesOfYouth(ctx, youth); len(favs) != 2 || favs[0].OfferID != "offer-c" {
		t.Fatalf("after removal: %+v", favs)
	}
	if on, err := testDB.IsFavourite(ctx, youth, "offer-a"); on || err != nil {
		t.Errorf("offer-a removed is still a favourite: %v, %v", on, err)
	}
	if err := testDB.DeleteFavouritesOfYouth(ctx, youth); err != nil {
		t.Fatal(err)
	}
	if p, _ := testDB.FavouritesOfYouthPage(ctx, youth, domain.PageRequest{Number: 1, Size: 10}); p.Total != 0 {
		t.Errorf("a deleted account keeps favourites: %+v", p)
	}
}

func TestSavedSearchesReadTheirShelf(t *testing.T) {
	ctx := context.Background()
	youth, other, at := newID("search-youth"), newID("search-youth"), time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	search := func(who string, slot int, minutes int) domain.SavedSearch {
		return domain.SavedSearch{ID: domain.SavedSearchID(who, slot), YouthID: who, Name: "s", Query: "q=" + who,
			CreatedAt: at.Add(time.Duration(minutes) * time.Minute)}
	}
	if err := testDB.InsertSavedSearches(ctx, []domain.SavedSearch{search(youth, 2, 1), search(other, 1, 0)}); err != nil {
		t.Fatal(err)
	}
	for _, s := range []domain.SavedSearch{search(youth, 1, 2), search(youth, 3, 3)} {
		if err := testDB.InsertSavedSearch(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	if err := testDB.InsertSavedSearch(ctx, search(youth, 3, 0)); domain.ErrorCode(err) != domain.ECONFLICT {
		t.Fatalf("a slot taken: %v", err)
	}
	kept, err := testDB.SavedSearchesOfYouth(ctx, youth)
	if err != nil || len(kept) != 3 || kept[0].ID != domain.SavedSearchID(youth, 2) || kept[1].ID != domain.SavedSearchID(youth, 1) {
		t.Fatalf("saved searches, oldest first: %+v, %v", kept, err)
	}
	if err := testDB.SetSavedSearchDigest(ctx, youth, domain.SavedSearchID(youth, 1), true); err != nil {
		t.Fatal(err)
	}
	theirs := domain.SavedSearchID(other, 1)
	if err := testDB.SetSavedSearchDigest(ctx, youth, theirs, true); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("following another youth's search: %v", err)
	}
	if err := testDB.DeleteSavedSearch(ctx, youth, theirs); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("deleting another youth's search: %v", err)
	}
	if err := testDB.DeleteSavedSearch(ctx, youth, domain.SavedSearchID(youth, 2)); err != nil {
		t.Fatal(err)
	}
	if err := testDB.DeleteSavedSearch(ctx, youth, domain.SavedSearchID(youth, 2)); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("deleting twice: %v", err)
	}
	kept, err = testDB.SavedSearchesOfYouth(ctx, youth)
	if err != nil || len(kept) != 2 || kept[0].ID != domain.SavedSearchID(youth, 1) || !kept[0].Digest || kept[1].Digest {
		t.Fatalf("after following one and deleting another: %+v, %v", kept, err)
	}
	if theirs, _ := testDB.SavedSearchesOfYouth(ctx, other); len(theirs) != 1 || theirs[0].Digest {
		t.Errorf("the other youth's searches: %+v", theirs)
	}
	if err := testDB.DeleteSavedSearchesOfYouth(ctx, youth); err != nil {
		t.Fatal(err)
	}
	if kept, _ := testDB.SavedSearchesOfYouth(ctx, youth); len(kept) != 0 {
		t.Errorf("a deleted account keeps saved searches: %+v", kept)
	}
}

// Favourites and saved searches stored before their shelves are put on
// them by the migration.
func TestMigrationShelvesFavouritesAndSavedSearches(t *testing.T) {
	ctx := context.Background()
	youth, at := newID("unshelved-youth"), time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	if err := testDB.InsertUnshelved(ctx, "favourites", favourite(youth, "offer-a", at), favourite(youth, "offer-b", at.Add(time.Hour))); err != nil {
		t.Fatal(err)
	}
	s := domain.SavedSearch{ID: domain.SavedSearchID(youth, 1), YouthID: youth, Query: "q=x", CreatedAt: at}
	if err := testDB.InsertUnshelved(ctx, "saved_searches", s); err != nil {
		t.Fatal(err)
	}
	if favs, _ := testDB.FavouritesOfYouth(ctx, youth); len(favs) != 0 {
		t.Fatalf("listed before the migration: %+v", favs)
	}
	if err := testDB.ApplyMigration(ctx, "0117_favourites_and_saved_searches_shelves"); err != nil {
		t.Fatal(err)
	}
	if favs, err := testDB.FavouritesOfYouth(ctx, youth); len(favs) != 2 || favs[0].OfferID != "offer-b" || err != nil {
		t.Errorf("favourites after the migration: %+v, %v", favs, err)
	}
	if kept, err := testDB.SavedSearchesOfYouth(ctx, youth); len(kept) != 1 || kept[0].ID != s.ID || err != nil {
		t.Errorf("saved searches after the migration: %+v, %v", kept, err)
	}
}
