package matching

import (
	"cmp"
	"slices"
	"testing"
)

// bruteForce scores every offer with Score and keeps the k best.
func bruteForce(t *testing.T, offers []Offer, y Youth, k int, w Weights) []Match {
	t.Helper()
	var all []Match
	for _, o := range offers {
		if m, err := Score(y, o, testNow, w); err == nil {
			all = append(all, m)
		}
	}
	slices.SortFunc(all, func(a, b Match) int { return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.OfferID, b.OfferID)) })
	return all[:min(k, len(all))]
}

func TestTopKMatchesBruteForce(t *testing.T) {
	for seed := range uint64(6) {
		g := newGenerator(seed)
		offers, w := g.offers(3000), randomWeights(g, seed)
		for i := range offers[:500] { // unrelated families and no interest at all, too
			offers[i].Interests = []Interest{family(g.rng.IntN(10))}[:g.rng.IntN(2)]
		}
		r, err := NewRecommender(offers, w)
		if err != nil {
			t.Fatal(err)
		}
		for i, y := range g.youths(60) {
			k := []int{1, 10, 50}[i%3]
			got, want := r.TopK(y, k, testNow), bruteForce(t, offers, y, k, w)
			if len(got) != len(want) {
				t.Fatalf("seed %d youth %s: %d results, want %d", seed, y.ID, len(got), len(want))
			}
			for j := range got {
				if got[j].OfferID != want[j].OfferID || got[j].Score != want[j].Score {
					t.Fatalf("seed %d youth %s rank %d: got %s %.6f, want %s %.6f", seed, y.ID, j,
						got[j].OfferID, got[j].Score, want[j].OfferID, want[j].Score)
				}
			}
		}
	}
}

// randomWeights returns the default weights for seed 0, random ones otherwise.
func randomWeights(g *generator, seed uint64) Weights {
	if seed == 0 {
		return DefaultWeights()
	}
	return Weights{Distance: g.rng.Float64(), Interest: g.rng.Float64(), Type: g.rng.Float64(),
		Level: g.rng.Float64(), ESS: g.rng.Float64(), Freshness: g.rng.Float64()}
}

func TestTopKTiesBrokenByOfferID(t *testing.T) {
	same := Offer{Type: "job", Open: true, Place: Point{48.85, 2.25}}
	var offers []Offer
	for _, id := range []string{"c", "a", "d", "b"} {
		o := same
		o.ID = id
		offers = append(offers, o)
	}
	r, _ := NewRecommender(offers, DefaultWeights())
	y := Youth{BirthDate: testNow.AddDate(-18, 0, 0), Home: Point{48.85, 2.25}}
	var ids []string
	for _, m := range r.TopK(y, 3, testNow) {
		ids = append(ids, m.OfferID)
	}
	if !slices.Equal(ids, []string{"a", "b", "c"}) {
		t.Fatalf("order %v, want [a b c]", ids)
	}
}

func TestTopKWithoutConsentIsEmpty(t *testing.T) {
	g := newGenerator(7)
	r, _ := NewRecommender(g.offers(200), DefaultWeights())
	y := Youth{BirthDate: testNow.AddDate(-14, 0, 0), Interests: []string{"sd01"}}
	if got := r.TopK(y, 10, testNow); len(got) != 0 {
		t.Fatalf("a 14-year-old without consent got %d offers", len(got))
	}
	y.GuardianConsent = true
	if got := r.TopK(y, 10, testNow); len(got) == 0 {
		t.Fatal("with consent: no offer")
	}
}

func TestBatchEqualsTopKWhateverTheWorkers(t *testing.T) {
	g := newGenerator(11)
	r, _ := NewRecommender(g.offers(2000), DefaultWeights())
	youths := g.youths(700)
	one, three := r.Batch(youths, 5, testNow, 1), r.Batch(youths, 5, testNow, 3)
	for i, y := range youths {
		single := r.TopK(y, 5, testNow)
		if len(one[i]) != len(single) || !slices.Equal(one[i], three[i]) {
			t.Fatalf("youth %d: batch differs (1 worker %v, 3 workers %v)", i, one[i], three[i])
		}
		for j, m := range single {
			if one[i][j] != (Ranked{m.OfferID, m.Score}) {
				t.Fatalf("youth %d rank %d: batch %v, TopK %s %.6f", i, j, one[i][j], m.OfferID, m.Score)
			}
		}
	}
}

func TestExplain(t *testing.T) {
	g := newGenerator(3)
	offers := g.offers(50)
	r, _ := NewRecommender(offers, DefaultWeights())
	y := g.youth(1)
	y.GuardianConsent = true
	top := r.TopK(y, 1, testNow)
	if len(top) == 0 {
		t.Fatal("no recommendation")
	}
	m, err := r.Explain(y, top[0].OfferID, testNow)
	if err != nil || m.Score != top[0].Score {
		t.Fatalf("Explain = %v, %v; want score %v", m.Score, err, top[0].Score)
	}
	if _, err := r.Explain(y, "nope", testNow); err != ErrUnknownOffer {
		t.Fatalf("unknown offer: %v", err)
	}
}

func TestNewRecommenderRejectsBadWeights(t *testing.T) {
	if _, err := NewRecommender(nil, Weights{}); err != ErrWeights {
		t.Fatalf("zero weights: %v", err)
	}
	if _, err := NewRecommender(nil, Weights{Distance: -1, Type: 2}); err != ErrWeights {
		t.Fatalf("negative weight: %v", err)
	}
}
