package store_test

import (
	"context"
	"testing"
	"time"

	"passerelle/app/domain"
)

func TestFavouritesAreIdempotentAndNewestFirst(t *testing.T) {
	ctx := context.Background()
	youth, at := newID("fav-youth"), time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	for i, offer := range []string{"offer-a", "offer-b", "offer-a"} {
		f := domain.Favourite{ID: domain.FavouriteID(youth, offer), YouthID: youth, OfferID: offer,
			CreatedAt: at.Add(time.Duration(i) * time.Hour)}
		if err := testDB.SaveFavourite(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	favs, err := testDB.FavouritesOfYouth(ctx, youth)
	if err != nil || len(favs) != 2 || favs[0].OfferID != "offer-a" || favs[1].OfferID != "offer-b" {
		t.Fatalf("favourites = %+v, %v; want offer-a (saved again last) then offer-b", favs, err)
	}
	for range 2 {
		if err := testDB.DeleteFavourite(ctx, domain.FavouriteID(youth, "offer-a")); err != nil {
			t.Fatal(err)
		}
	}
	if favs, _ := testDB.FavouritesOfYouth(ctx, youth); len(favs) != 1 || favs[0].OfferID != "offer-b" {
		t.Fatalf("after removal: %+v", favs)
	}
}
