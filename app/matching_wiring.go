package main

import (
	"passerelle/app/config"
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
