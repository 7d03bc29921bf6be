package web_test

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"passerelle/app/discover"
	"passerelle/app/domain"
	"passerelle/app/refdata"
)

var offerLink = regexp.MustCompile(`href="/offres/([a-z0-9-]+)"`)

// linkedOffers returns the offers a page links to, read from the database.
func linkedOffers(t *testing.T, f *fixture, body string) []*domain.Offer {
	t.Helper()
	var offers []*domain.Offer
	for _, m := range offerLink.FindAllStringSubmatch(body, -1) {
		o, err := f.db.OfferByID(context.Background(), m[1])
		if err != nil {
			t.Fatalf("linked offer %s: %v", m[1], err)
		}
		offers = append(offers, o)
	}
	return offers
}

// Each family's page names its ROME jobs, its diplomas and the vocational
// lycées of the embedded list, and lists open offers and visits of the
// family only, from the search engine.
func TestDiscoveryPagesOfEachFamily(t *testing.T) {
	f, _ := newSearchFixture(t)
	for _, family := range discover.Families() {
		resp, body := f.get(t, "/decouvrir/"+family.Slug)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d", family.Slug, resp.StatusCode)
		}
		jobs := refdata.FamilyJobs(family.Key)
		wantContains(t, body, jobs[0].Label, jobs[len(jobs)-1].Label, family.Paths[0].Diploma,
			discover.VocationalLycees(nil, 0)[0].Name, "/decouvrir/"+family.Slug+"/fiche.pdf")
		offers := linkedOffers(t, f, body)
		if len(offers) == 0 {
			t.Errorf("%s: no open offer shown", family.Slug)
		}
		visits := 0
		for _, o := range offers {
			if o.TensionFamily != family.Key {
				t.Errorf("%s page shows %q (%v)", family.Slug, o.Title, o.ROMECodes)
			}
			if o.Type == domain.OfferVisit {
				visits++
			}
		}
		if visits == 0 {
			t.Errorf("%s: no visit shown", family.Slug)
		}
	}
	resp, _ := f.get(t, "/decouvrir/astronautique")
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown family: status %d", resp.StatusCode)
	}
}

func TestDiscoveryPageOfTheESS(t *testing.T) {
	f, _ := newSearchFixture(t)
	_, body := f.get(t, "/decouvrir/ess")
	wantContains(t, body, "Une coopérative", "L3332-17-1", "lauréats de PROGR'ESS")
	offers := linkedOffers(t, f, body)
	if len(offers) == 0 {
		t.Fatal("no ESS offer shown")
	}
	for _, o := range offers {
		if !o.ESS {
			t.Errorf("the ESS page shows %q of a non-ESS organisation", o.Title)
		}
	}
	_, body = f.get(t, "/decouvrir", "Cookie", "lang=en")
	wantContains(t, body, "Discover trades", `href="/decouvrir/ess"`, `href="/decouvrir/petite-enfance"`)
}

// Without a search engine the page still explains the trades.
func TestDiscoveryPageWithoutSearch(t *testing.T) {
	f := newFixture(t)
	resp, body := f.get(t, "/decouvrir/informatique")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	wantContains(t, body, "BTS Services informatiques aux organisations", "momentanément indisponible")
}

func TestDiscoverySheetIsAPDF(t *testing.T) {
	f := newFixture(t)
	resp, body := f.get(t, "/decouvrir/metiers-de-bouche/fiche.pdf")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/pdf" ||
		!strings.HasPrefix(body, "%PDF-") || len(body) < 2000 {
		t.Fatalf("status %d, type %q, %d bytes", resp.StatusCode, resp.Header.Get("Content-Type"), len(body))
	}
	resp, _ = f.get(t, "/decouvrir/inconnue/fiche.pdf")
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown family's sheet: status %d", resp.StatusCode)
	}
}

// A counsellor's class journey gathers the sheet, the family's visits with
// their booking links, the employers and the offers.
func TestClassJourneyOfAFamily(t *testing.T) {
	f, _ := newSearchFixture(t)
	resp, body := f.get(t, "/decouvrir/petite-enfance/classe")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	wantContains(t, body, "Le parcours d'une classe : Petite enfance", "/decouvrir/petite-enfance/fiche.pdf",
		"/creneaux\">Réserver : ", "/etablissements/reservations")
	for _, o := range linkedOffers(t, f, body) {
		if o.TensionFamily != refdata.FamilyEarlyChildhood {
			t.Errorf("the class journey shows %q", o.Title)
		}
	}
	_, body = f.get(t, "/etablissements")
	wantContains(t, body, `href="/decouvrir/informatique/classe"`)
}
