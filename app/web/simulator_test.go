package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"passerelle/app/domain"
)

// The simulator answers a GET form: the grids always, one youth's pay when
// asked, in French and English, from the minimum wage in force on the day.
func TestSimulatorShowsThePayOfAnAgeAndYear(t *testing.T) {
	f := newFixture(t)
	resp, body := f.get(t, "/alternance/simulateur?contrat=apprentissage&age=17&annee=1")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	// 27 % of the minimum wage of 1 January 2026, 1 823,03 €, all of it under
	// the exemption: the net is the gross.
	wantContains(t, body, "Ce que tu gagnerais", "492,22\u00a0€", "27\u00a0% du SMIC", "1\u202f823,03\u00a0€",
		"1er janvier 2026", "D6222-26", "D6325-15", "Décret n° 2025-174")
	_, body = f.get(t, "/alternance/simulateur?contrat=professionnalisation&age=22&bac=oui", "Cookie", "lang=en")
	// 80 % of 1 823,03 € = 1 458,42 €; 20,84 % of it in contributions.
	wantContains(t, body, `<html lang="en">`, "What you would earn", "€1,458.42", "€1,154.48", "20.84%")
	_, body = f.get(t, "/alternance/simulateur")
	wantContains(t, body, "Les salaires minimums en vigueur", "Apprentissage ou professionnalisation")
	if strings.Contains(body, "Ce que tu gagnerais</h2>") {
		t.Error("a result without a question")
	}
}

func TestSimulatorRefusesBadInputNextToItsField(t *testing.T) {
	f := newFixture(t)
	for query, message := range map[string]string{
		"contrat=apprentissage&age=douze&annee=1": "Indique ton âge en chiffres",
		"contrat=apprentissage&age=12&annee=1":    "de 15 à 30 ans",
		"contrat=apprentissage&age=18&annee=9":    "Choisis la 1ʳᵉ, la 2ᵉ ou la 3ᵉ année",
		"contrat=interim&age=18":                  "Choisis un contrat",
		"contrat=professionnalisation&age=15":     "commence à 16 ans",
	} {
		resp, body := f.get(t, "/alternance/simulateur?"+query)
		if resp.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("%s: status %d", query, resp.StatusCode)
		}
		wantContains(t, body, message, `role="alert"`)
	}
}

// Every apprenticeship or professionalisation offer links to the simulator
// with its contract; other offers do not.
func TestWorkStudyOffersLinkToTheSimulator(t *testing.T) {
	f := newFixture(t)
	offers, err := f.db.LatestPublishedOffers(context.Background(), 200)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[domain.OfferType]bool{}
	for _, o := range offers {
		if seen[o.Type] {
			continue
		}
		seen[o.Type] = true
		_, body := f.get(t, "/offres/"+o.ID)
		link := map[domain.OfferType]string{domain.OfferApprenticeship: "apprentissage",
			domain.OfferProfessionalisation: "professionnalisation"}[o.Type]
		has := strings.Contains(body, "/alternance/simulateur?contrat=")
		if link != "" {
			wantContains(t, body, "/alternance/simulateur?contrat="+link, "Ce que tu gagnerais")
		} else if has {
			t.Errorf("a %s offer links to the simulator", o.Type)
		}
	}
	if !seen[domain.OfferApprenticeship] || !seen[domain.OfferProfessionalisation] {
		t.Fatalf("demo offers lack a work-study type: %v", seen)
	}
}
