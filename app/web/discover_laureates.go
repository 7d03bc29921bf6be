package web

import (
	"context"
	"sync"
	"time"

	"passerelle/app/progress"
)

// laureatesTTL is how long the ESS page reuses the PROGR'ESS laureates it
// read: they change once a year, and the page is public and may be hot.
const laureatesTTL = 5 * time.Minute

// laureateCache keeps the published laureates between requests.
type laureateCache struct {
	mu   sync.Mutex
	at   time.Time
	list []progress.Laureate
}

// laureateExamples returns the published PROGR'ESS laureates, read at most
// once per laureatesTTL.
func (s *Server) laureateExamples(ctx context.Context) ([]progress.Laureate, error) {
	if s.deps.Progress == nil {
		return nil, nil
	}
	cache := &s.laureateCache
	cache.mu.Lock()
	defer cache.mu.Unlock()
	if now := s.deps.Now(); cache.at.IsZero() || now.Sub(cache.at) > laureatesTTL {
		list, err := s.deps.Progress.PublishedLaureates(ctx)
		if err != nil {
			return nil, err
		}
		cache.at, cache.list = now, list
	}
	return cache.list, nil
}
