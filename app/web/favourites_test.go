package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"passerelle/app/domain"
)

func (f *fixture) publishedOffers(t *testing.T) []domain.Offer {
	t.Helper()
	offers, err := f.db.Offers(context.Background(), domain.OfferFilter{Status: domain.OfferPublished, OldestFirst: true})
	if err != nil || len(offers) < 2 {
		t.Fatalf("demo published offers: %d, %v", len(offers), err)
	}
	return offers
}

func TestAYouthSavesAndUnsavesFavouriteOffers(t *testing.T) {
	f := newFixture(t)
	offers := f.publishedOffers(t)
	first, second := offers[0], offers[1]
	youth := f.progressUser(t, "fav-youth", domain.RoleYouth)
	_, body := youth.get(t, "/offres/"+first.ID)
	wantContains(t, body, "Ajouter à mes favoris")
	for range 2 { // saving twice keeps one favourite
		resp, _ := youth.post(t, "/offres/"+first.ID+"/favori", url.Values{})
		wantStatus(t, resp, http.StatusSeeOther)
	}
	youth.get(t, "/offres/"+second.ID)
	youth.post(t, "/offres/"+second.ID+"/favori", url.Values{})
	_, body = youth.get(t, "/offres/"+first.ID)
	wantContains(t, body, "Retirer de mes favoris")

	_, body = youth.get(t, "/jeunes")
	wantContains(t, body, "Mes favoris", first.Title, second.Title)
	if strings.Count(body, `href="/offres/`+first.ID+`"`) != 1 {
		t.Errorf("the first offer is not listed once in the favourites")
	}

	// a closed offer leaves the favourites
	if _, err := f.db.MoveOffer(context.Background(), second.ID, []domain.OfferStatus{domain.OfferPublished}, domain.OfferClosed, domain.OfferChange{}); err != nil {
		t.Fatal(err)
	}
	if _, body = youth.get(t, "/jeunes"); strings.Contains(body, `href="/offres/`+second.ID+`"`) {
		t.Errorf("a closed offer stays in the favourites")
	}

	resp, _ := youth.post(t, "/offres/"+first.ID+"/favori/retrait", url.Values{})
	wantStatus(t, resp, http.StatusSeeOther)
	youth.post(t, "/offres/"+second.ID+"/favori/retrait", url.Values{})
	_, body = youth.get(t, "/jeunes")
	wantContains(t, body, "Aucune offre dans tes favoris")
}

func TestFavouritesAreForYouthsAndPublishedOffers(t *testing.T) {
	f := newFixture(t)
	offer := f.publishedOffers(t)[0]
	employer := f.progressUser(t, "fav-employer", domain.RoleEmployer)
	employer.get(t, "/offres/"+offer.ID)
	resp, _ := employer.post(t, "/offres/"+offer.ID+"/favori", url.Values{})
	wantStatus(t, resp, http.StatusForbidden)

	youth := f.progressUser(t, "fav-youth-2", domain.RoleYouth)
	youth.get(t, "/offres/"+offer.ID)
	resp, _ = youth.post(t, "/offres/inconnue/favori", url.Values{})
	wantStatus(t, resp, http.StatusNotFound)
	resp, _ = youth.post(t, "/offres/"+offer.ID+"/favori", url.Values{"_csrf": {"faux"}})
	wantStatus(t, resp, http.StatusForbidden)
	if favs, _ := f.db.FavouritesOfYouth(context.Background(), "fav-youth-2"); len(favs) != 0 {
		t.Fatalf("refused requests wrote favourites: %+v", favs)
	}
}
