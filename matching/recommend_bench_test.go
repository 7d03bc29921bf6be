package matching

import "testing"

func benchRecommender(b *testing.B) (*Recommender, *generator) {
	b.Helper()
	g := newGenerator(2026)
	r, err := NewRecommender(g.offers(50_000), DefaultWeights())
	if err != nil {
		b.Fatal(err)
	}
	return r, g
}

// BenchmarkTopK10 is the top 10 for one youth (a visit of the youth's space)
// over 50 000 offers; each iteration takes the next of 1 000 youths.
func BenchmarkTopK10(b *testing.B) {
	r, g := benchRecommender(b)
	youths := g.youths(1000)
	for i := 0; b.Loop(); i++ {
		r.TopK(youths[i%len(youths)], 10, testNow)
	}
}

// BenchmarkBatch is the weekly digest: top 10 of 100 000 youths over 50 000
// offers on two workers. Run it once: -bench Batch -benchtime 1x.
func BenchmarkBatch(b *testing.B) {
	r, g := benchRecommender(b)
	youths := g.youths(100_000)
	for b.Loop() {
		r.Batch(youths, 10, testNow, 2)
	}
}
