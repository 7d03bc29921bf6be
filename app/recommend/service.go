package recommend

import (
	"context"
	"time"

	"passerelle/app/domain"
	"passerelle/app/readmodel"
	"passerelle/matching"
)

// Store reads the published offers and the youths visible to employers,
// and tells when the offers changed.
type Store interface {
	readmodel.Changes
	LatestPublishedOffers(ctx context.Context, limit int) ([]domain.Offer, error)
	VisibleYouths(ctx context.Context) ([]domain.Youth, error)
}

// maxOffers bounds the index; the benchmarks measure 50 000 offers.
const maxOffers = 100_000

// Config tunes the recommendations.
type Config struct {
	Weights matching.Weights
	Count   int           // offers shown, 6 when zero
	TTL     time.Duration // the index is rebuilt after it (freshness counts), 1 minute when zero
	// Now is the clock, time.Now when nil; tests move it.
	Now func() time.Time
}

// Service keeps an index of the published offers in memory (a read model),
// rebuilt when an offer changed or when it is older than the TTL, so that
// the youth's space costs no read of the offers per visit; and, for the
// employers' candidates, the youths who opted in to be visible.
type Service struct {
	store   Store
	cfg     Config
	now     func() time.Time
	index   *readmodel.Model[*index]
	visible *readmodel.Model[[]matching.Youth]
}

// index is the recommender over the published offers, and the offers by id.
type index struct {
	recommender *matching.Recommender
	offers      map[string]domain.Offer
}

// New returns the service; its weights must be valid (config checks them).
func New(store Store, cfg Config) *Service {
	if cfg.Count <= 0 {
		cfg.Count = 6
	}
	if cfg.TTL <= 0 {
		cfg.TTL = time.Minute
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	s := &Service{store: store, cfg: cfg, now: cfg.Now}
	s.index = readmodel.New(readmodel.Config{Changes: store, Sources: []string{readmodel.Offers}, MaxAge: cfg.TTL,
		Now: cfg.Now}, s.build)
	s.visible = readmodel.New(readmodel.Config{Changes: store, Sources: []string{readmodel.Youths}, Now: cfg.Now},
		s.readVisible)
	return s
}

// Recommendation is an offer recommended to a youth, with the reasons.
type Recommendation struct {
	Offer   domain.Offer
	Score   float64
	Reasons []matching.Reason
}

// ForYouth returns the best published offers for y, best first.
func (s *Service) ForYouth(ctx context.Context, y *domain.Youth) ([]Recommendation, error) {
	ix, err := s.index.Get(ctx)
	if err != nil {
		return nil, err
	}
	matches := Varied(ix.recommender.TopK(Youth(y), Widen*s.cfg.Count, s.now()),
		func(m matching.Match) domain.Offer { return ix.offers[m.OfferID] }, s.cfg.Count)
	out := make([]Recommendation, len(matches))
	for i, m := range matches {
		out[i] = Recommendation{Offer: ix.offers[m.OfferID], Score: m.Score, Reasons: m.Reasons()}
	}
	return out, nil
}

// build reads the published offers and indexes them.
func (s *Service) build(ctx context.Context) (*index, error) {
	list, err := s.store.LatestPublishedOffers(ctx, maxOffers)
	if err != nil {
		return nil, err
	}
	inputs, byID := make([]matching.Offer, len(list)), make(map[string]domain.Offer, len(list))
	for i := range list {
		inputs[i], byID[list[i].ID] = Offer(&list[i]), list[i]
	}
	recommender, err := matching.NewRecommender(inputs, s.cfg.Weights)
	if err != nil {
		return nil, err
	}
	return &index{recommender: recommender, offers: byID}, nil
}

// Widen is how many times more offers than shown the index is asked for,
// so that Varied has enough left after skipping repeats and extra visits.
const Widen = 4

// Varied keeps, of offers ranked best first (offerOf gives each one's
// offer), at most count: it skips an offer whose title and organisation repeat one
// kept already (the same offer posted twice reads as the same card), and
// keeps one company visit at most, which a youth cannot book alone (their
// school books it), so that visits do not fill the list.
func Varied[T any](ranked []T, offerOf func(T) domain.Offer, count int) []T {
	kept := make([]T, 0, count)
	seen, visits := map[[2]string]bool{}, 0
	for _, r := range ranked {
		if len(kept) == count {
			break
		}
		o := offerOf(r)
		card := [2]string{o.Title, o.OrganisationName}
		if seen[card] || (o.Type == domain.OfferVisit && visits > 0) {
			continue
		}
		seen[card] = true
		if o.Type == domain.OfferVisit {
			visits++
		}
		kept = append(kept, r)
	}
	return kept
}
