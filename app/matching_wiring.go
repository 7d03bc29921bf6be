package main

import (
	"context"

	"passerelle/app/config"
	"passerelle/app/domain"
	"passerelle/app/passerelle"
	"passerelle/app/recommend"
	"passerelle/matching"
)

// recommendations builds the youth's-space recommendations from [matching].
func recommendations(m *Main) *recommend.Service {
	c := m.Config.Matching
	return recommend.New(m.DB, recommend.Config{Weights: matchingWeights(c), Count: c.Recommendations, TTL: c.CacheTTL,
		Now: m.Now})
}

func matchingWeights(c config.Matching) matching.Weights {
	return matching.Weights{Distance: float64(c.WeightDistance), Interest: float64(c.WeightInterest),
		Type: float64(c.WeightType), Level: float64(c.WeightLevel), ESS: float64(c.WeightESS),
		Freshness: float64(c.WeightFreshness)}
}

// offerHooks tells every listener of a saved offer change: the search
// index and the recommendations' cache.
type offerHooks []passerelle.OfferIndex

func (h offerHooks) OfferChanged(ctx context.Context, o domain.Offer) {
	for _, hook := range h {
		hook.OfferChanged(ctx, o)
	}
}
