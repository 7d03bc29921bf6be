package digest_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/notify/digest"
	"passerelle/app/refdata"
	"passerelle/matching"
)

var (
	benchFamilies = []string{refdata.FamilyEarlyChildhood, refdata.FamilyComputing, refdata.FamilyFood}
	benchTypes    = []domain.OfferType{domain.OfferInternship, domain.OfferJob, domain.OfferVisit, domain.OfferApprenticeship}
)

// benchAudience is n youths aged 14 to 25 spread over the communes of the 92.
func benchAudience(n int, now time.Time, rng *rand.Rand) []digest.Audience {
	communes := refdata.Communes()
	audience := make([]digest.Audience, n)
	for i := range audience {
		id := fmt.Sprintf("y%06d", i)
		y := domain.Youth{ID: id, FirstName: "Camille", BirthDate: now.AddDate(-14-rng.IntN(12), -rng.IntN(12), 0),
			CommuneCode: communes[rng.IntN(len(communes))].Code, MobilityKm: 5 + rng.IntN(20), GuardianConsentAt: &now,
			Interests: []string{benchFamilies[rng.IntN(3)]}, WantedTypes: []domain.OfferType{benchTypes[rng.IntN(4)]}}
		audience[i] = digest.Audience{Youth: y, User: domain.User{ID: id, Email: id + "@example.org", Name: "Camille", Locale: "fr"}}
		if rng.IntN(5) == 0 {
			audience[i].Searches = benchSearches(id, 1+rng.IntN(2), rng)
		}
	}
	return audience
}

// benchSearches are n saved searches of the youth: a type around a commune,
// a tension family in the ESS, or words within a radius.
func benchSearches(youthID string, n int, rng *rand.Rand) []domain.SavedSearch {
	communes := refdata.Communes()
	searches := make([]domain.SavedSearch, n)
	for i := range searches {
		near := "near=" + communes[rng.IntN(len(communes))].Code + "&radius=" + fmt.Sprint(5+5*rng.IntN(3))
		query := [...]string{near + "&type=" + string(benchTypes[rng.IntN(4)]),
			"ess=1&tension=" + benchFamilies[rng.IntN(3)], near + "&q=offres"}[rng.IntN(3)]
		searches[i] = domain.SavedSearch{ID: domain.SavedSearchID(youthID, i+1), YouthID: youthID, Name: "Recherche",
			Query: query, Digest: true}
	}
	return searches
}

// benchOffers is n offers published during the last week across the 92.
func benchOffers(n int, now time.Time, rng *rand.Rand) []domain.Offer {
	communes := refdata.Communes()
	offers := make([]domain.Offer, n)
	for i := range offers {
		at := now.Add(-time.Duration(rng.IntN(7*24)) * time.Hour)
		typ, family, c := benchTypes[rng.IntN(4)], benchFamilies[rng.IntN(3)], communes[rng.IntN(len(communes))]
		offers[i] = domain.Offer{ID: fmt.Sprintf("o%06d", i), Title: "Offre", OrganisationName: "Entreprise",
			Status: domain.OfferPublished, Type: typ, TensionFamily: family, ESS: i%5 == 0,
			CommuneCode: c.Code, Lat: c.Lat, Lng: c.Lng, AgeMin: 14 + rng.IntN(4), AgeMax: 25, PublishedAt: &at}
	}
	return offers
}

// BenchmarkYouthDigest ranks 20 000 new offers for 100 000 youths, one in
// five of whom follow one or two saved searches, matches those searches,
// explains the top 5 of each youth, then renders every email (HTML + text)
// through notify.Plan, as the job does before queuing.
// Run with: go test -run '^$' -bench YouthDigest -benchtime 1x ./app/notify/digest/
func BenchmarkYouthDigest(b *testing.B) {
	const youths, offers = 100_000, 20_000
	f := newFixture(b)
	rng := rand.New(rand.NewPCG(1, 2))
	audience, list := benchAudience(youths, f.now, rng), benchOffers(offers, f.now, rng)
	var ranking, rendering time.Duration
	emails := 0
	for b.Loop() {
		start := time.Now()
		ns, err := digest.YouthDigests(list, audience, matching.DefaultWeights(), f.now)
		if err != nil {
			b.Fatal(err)
		}
		ranking += time.Since(start)
		start = time.Now()
		for chunk := range slices.Chunk(ns, 1000) {
			if _, err := f.notify.Plan(b.Context(), chunk); err != nil {
				b.Fatal(err)
			}
		}
		rendering += time.Since(start)
		emails += len(ns)
	}
	b.ReportMetric(ranking.Seconds()/float64(b.N), "matching-s/op")
	b.ReportMetric(rendering.Seconds()/float64(b.N), "render-s/op")
	b.ReportMetric(float64(emails)/rendering.Seconds(), "rendered/s")
	b.ReportMetric(float64(emails/b.N), "emails/op")
}
