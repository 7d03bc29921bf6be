package recommend

import (
	"context"
	"sync"
	"time"

	"passerelle/app/domain"
	"passerelle/matching"
)

// Store reads the published offers and the youths visible to employers.
type Store interface {
	LatestPublishedOffers(ctx context.Context, limit int) ([]domain.Offer, error)
	VisibleYouths(ctx context.Context) ([]domain.Youth, error)
}

// maxOffers bounds the index; the benchmarks measure 50 000 offers.
const maxOffers = 100_000

// Config tunes the recommendations.
type Config struct {
	Weights matching.Weights
	Count   int           // offers shown, 6 when zero
	TTL     time.Duration // the index is rebuilt after it, 1 minute when zero
	// Now is the clock, time.Now when nil; tests move it.
	Now func() time.Time
}

// Service keeps an index of the published offers in memory, rebuilt when
// it is older than the TTL or when an offer changed, so that the youth's
// space costs one read of the offers per TTL, not per visit.
type Service struct {
	store Store
	cfg   Config
	now   func() time.Time

	mu      sync.Mutex // held while rebuilding: concurrent visits wait for one build
	index   *matching.Recommender
	offers  map[string]domain.Offer
	builtAt time.Time
	stale   bool
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
	return &Service{store: store, cfg: cfg, now: cfg.Now}
}

// OfferChanged drops the index, so that the next visit sees the change;
// it makes the service a search-index hook of the offers' service.
func (s *Service) OfferChanged(context.Context, domain.Offer) {
	s.mu.Lock()
	s.stale = true
	s.mu.Unlock()
}

// Recommendation is an offer recommended to a youth, with the reasons.
type Recommendation struct {
	Offer   domain.Offer
	Score   float64
	Reasons []matching.Reason
}

// ForYouth returns the best published offers for y, best first.
func (s *Service) ForYouth(ctx context.Context, y *domain.Youth) ([]Recommendation, error) {
	index, offers, err := s.current(ctx)
	if err != nil {
		return nil, err
	}
	matches := Varied(index.TopK(Youth(y), Widen*s.cfg.Count, s.now()),
		func(m matching.Match) domain.Offer { return offers[m.OfferID] }, s.cfg.Count)
	out := make([]Recommendation, len(matches))
	for i, m := range matches {
		out[i] = Recommendation{Offer: offers[m.OfferID], Score: m.Score, Reasons: m.Reasons()}
	}
	return out, nil
}

// current returns the index, rebuilt first when stale or too old.
func (s *Service) current(ctx context.Context) (*matching.Recommender, map[string]domain.Offer, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.index != nil && !s.stale && s.now().Sub(s.builtAt) < s.cfg.TTL {
		return s.index, s.offers, nil
	}
	builtAt := s.now()
	list, err := s.store.LatestPublishedOffers(ctx, maxOffers)
	if err != nil {
		return nil, nil, err
	}
	inputs, byID := make([]matching.Offer, len(list)), make(map[string]domain.Offer, len(list))
	for i := range list {
		inputs[i], byID[list[i].ID] = Offer(&list[i]), list[i]
	}
	index, err := matching.NewRecommender(inputs, s.cfg.Weights)
	if err != nil {
		return nil, nil, err
	}
	s.index, s.offers, s.builtAt, s.stale = index, byID, builtAt, false
	return index, byID, nil
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
