package account

import (
	"context"
	"time"
)

// PurgeStore deletes what expired: FerretDB has no TTL index.
type PurgeStore interface {
	PurgeExpiredWebSessions(ctx context.Context, now time.Time) (int64, error)
	PurgeExpiredTokens(ctx context.Context, now time.Time) (int64, error)
	PurgeRateLimits(ctx context.Context, now time.Time) (int64, error)
}

// PurgeExpired deletes expired sessions, links and rate counters, for a
// scheduled job; it returns how many documents went.
func (s *Service) PurgeExpired(ctx context.Context) (int64, error) {
	now := s.now().UTC()
	var total int64
	for _, purge := range []func(context.Context, time.Time) (int64, error){
		s.store.PurgeExpiredWebSessions, s.store.PurgeExpiredTokens, s.store.PurgeRateLimits,
	} {
		n, err := purge(ctx, now)
		total += n
		if err != nil {
			return total, err
		}
	}
	return total, nil
}
