package recommend_test

import (
	"fmt"
	"testing"

	"passerelle/app/domain"
	"passerelle/app/recommend"
	"passerelle/app/refdata"
	"passerelle/matching"
)

// BenchmarkRebuild50k measures what the youth's space pays once per TTL or
// offer change: converting 50 000 published offers and indexing them.
func BenchmarkRebuild50k(b *testing.B) {
	communes := refdata.Communes()
	families := []string{"", refdata.FamilyComputing, refdata.FamilyEarlyChildhood, refdata.FamilyFood}
	offers := make([]domain.Offer, 50_000)
	for i := range offers {
		offers[i] = offer(fmt.Sprintf("offer-%05d", i), communes[i%len(communes)].Code,
			domain.OfferTypes[i%len(domain.OfferTypes)], families[i%len(families)])
	}
	b.ReportAllocs()
	for b.Loop() {
		inputs := make([]matching.Offer, len(offers))
		for i := range offers {
			inputs[i] = recommend.Offer(&offers[i])
		}
		if _, err := matching.NewRecommender(inputs, matching.DefaultWeights()); err != nil {
			b.Fatal(err)
		}
	}
}
