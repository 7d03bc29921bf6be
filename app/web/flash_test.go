package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// After an action the next page says what happened, once.
func TestFlashAfterFavouriteAndApplication(t *testing.T) {
	f := newFixture(t)
	p := f.programme(t)
	youth := p.youth.pageVisitor()
	youth.get(t, "/offres/"+p.offerID)
	resp, _ := youth.post(t, "/offres/"+p.offerID+"/favori", url.Values{})
	wantStatus(t, resp, http.StatusSeeOther)
	_, body := youth.get(t, resp.Header.Get("Location"))
	wantContains(t, body, `role="status">L'offre est ajoutée à tes favoris.`)
	if _, body = youth.get(t, "/offres/"+p.offerID); strings.Contains(html.UnescapeString(body), "ajoutée à tes favoris") {
		t.Error("the message shows again on the next page")
	}
	resp, _ = youth.post(t, "/offres/"+p.offerID+"/candidater", url.Values{"message": {"Bonjour"}})
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = youth.get(t, resp.Header.Get("Location"))
	wantContains(t, body, "Ta candidature est envoyée")
}
