package web_test

import (
	"context"
	"net/http"
	"testing"

	"passerelle/app/demo"
)

func TestSpacesRenderDemoDataInFrench(t *testing.T) {
	f := newFixture(t)
	data := demo.Generate(f.now)
	cases := []struct{ path, want string }{
		{"/", "Des jeunes et des entreprises des Hauts-de-Seine"},
		{"/jeunes", "Espace jeunes"},
		{"/etablissements", "Prochaines visites d'entreprises"},
		{"/employeurs", "Ce que vous pouvez proposer"},
		{"/progress", data.Calls[0].Title},
		{"/agents", "offres à modérer"},
	}
	for _, c := range cases {
		resp, body := f.get(t, c.path)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s = %d", c.path, resp.StatusCode)
		}
		wantContains(t, body, `<html lang="fr">`, c.want)
	}
}

func TestHomeShowsLatestOffersVisitsAndCall(t *testing.T) {
	f := newFixture(t)
	offers, err := f.db.LatestPublishedOffers(context.Background(), 6)
	if err != nil || len(offers) == 0 {
		t.Fatalf("no published demo offers: %v", err)
	}
	_, body := f.get(t, "/")
	wantContains(t, body, offers[0].Title, "/offres/"+offers[0].ID, "100\u202f000\u00a0€", "clôture le")
}

func TestOfferPage(t *testing.T) {
	f := newFixture(t)
	offers, _ := f.db.LatestPublishedOffers(context.Background(), 1)
	resp, body := f.get(t, "/offres/"+offers[0].ID)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	wantContains(t, body, offers[0].Title, offers[0].OrganisationName, "ans")
	resp, body = f.get(t, "/offres/inconnue")
	if resp.StatusCode != http.StatusNotFound {
		t.Fatalf("unknown offer: status %d", resp.StatusCode)
	}
	wantContains(t, body, "Cette offre n'existe pas ou n'est plus publiée.")
}

func TestLanguageSwitchAndNegotiation(t *testing.T) {
	f := newFixture(t)
	resp, _ := f.get(t, "/jeunes?lang=en")
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/jeunes" {
		t.Fatalf("switch: status %d, location %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	cookie := resp.Cookies()[0]
	if cookie.Name != "lang" || cookie.Value != "en" || !cookie.HttpOnly {
		t.Fatalf("cookie %+v", cookie)
	}
	_, body := f.get(t, "/jeunes", "Cookie", "lang=en")
	wantContains(t, body, `<html lang="en">`, "Young people")
	_, body = f.get(t, "/", "Accept-Language", "en-GB,en;q=0.9")
	wantContains(t, body, `<html lang="en">`)
	_, body = f.get(t, "/", "Accept-Language", "de-DE")
	wantContains(t, body, `<html lang="fr">`)
}
