package account

import (
	"context"
	"runtime"
	"sync/atomic"
	"time"
)

// hashers bounds the password hashes computed at once: each takes the
// Argon2 memory (64 MiB by default) for its duration, so that a crowd of
// sign-ins, even with unknown addresses, would otherwise take the process's
// memory. A hash waits a moment for its turn, then is refused as busy.
type hashers struct {
	slots chan struct{}
	wait  time.Duration
	inUse atomic.Int32
	peak  atomic.Int32 // most hashes at once, for tests
}

// busyRetry is what a refused client is told to wait.
const busyRetry = 5 * time.Second

func newHashers(n int, wait time.Duration) *hashers {
	if n <= 0 {
		n = 2 * runtime.GOMAXPROCS(0)
	}
	if wait <= 0 {
		wait = 3 * time.Second
	}
	return &hashers{slots: make(chan struct{}, n), wait: wait}
}

// do runs fn once a slot is free, or refuses after the wait.
func (h *hashers) do(ctx context.Context, fn func()) error {
	timer := time.NewTimer(h.wait)
	defer timer.Stop()
	select {
	case h.slots <- struct{}{}:
	case <-timer.C:
		return &RateLimited{RetryAfter: busyRetry, Message: "error.auth.busy"}
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { h.inUse.Add(-1); <-h.slots }()
	raise(&h.peak, h.inUse.Add(1))
	fn()
	return nil
}

// hash computes a password's hash in a slot.
func (h *hashers) hash(ctx context.Context, p Argon2, password string) (hash string, err error) {
	if perr := h.do(ctx, func() { hash, err = p.HashPassword(password) }); perr != nil {
		return "", perr
	}
	return hash, err
}

// raise sets max to n if n is larger.
func raise(max *atomic.Int32, n int32) {
	for old := max.Load(); n > old && !max.CompareAndSwap(old, n); old = max.Load() {
	}
}
