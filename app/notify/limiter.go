package notify

import (
	"context"
	"sync"
	"time"
)

// limiter spaces sends evenly at a rate per second, for this process: with
// several replicas delivering, each keeps to the rate. Its clock is the
// service's, so tests check it on a fake clock.
type limiter struct {
	mu       sync.Mutex
	interval time.Duration
	next     time.Time
	now      func() time.Time
	sleep    func(context.Context, time.Duration) error
}

func newLimiter(perSecond float64, now func() time.Time, sleep func(context.Context, time.Duration) error) *limiter {
	return &limiter{interval: time.Duration(float64(time.Second) / perSecond), now: now, sleep: sleep}
}

// Wait returns when the next send may start, reserving its slot.
func (l *limiter) Wait(ctx context.Context) error {
	l.mu.Lock()
	now := l.now()
	if l.next.Before(now) {
		l.next = now
	}
	wait := l.next.Sub(now)
	l.next = l.next.Add(l.interval)
	l.mu.Unlock()
	if wait <= 0 {
		return nil
	}
	return l.sleep(ctx, wait)
}
