package account

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/store/storetest"
)

// A crowd of sign-ins with unknown addresses computes at most the pool's
// number of hashes at once; those that wait too long are refused as busy,
// with a delay to retry after, never with an internal error.
func TestPasswordHashingIsBounded(t *testing.T) {
	const bound = 2
	svc := New(storetest.Open(t), nil, Config{Argon2: Argon2{Time: 1, MemoryKiB: 8 * 1024, Threads: 1},
		LoginRatePerMinute: 1000, HashConcurrency: bound, HashWait: 50 * time.Millisecond}, slog.New(slog.DiscardHandler))
	var wg sync.WaitGroup
	var mu sync.Mutex
	outcomes := map[string]int{}
	for i := range 60 {
		wg.Go(func() {
			_, _, err := svc.SignIn(context.Background(), fmt.Sprintf("inconnu-%d@example.fr", i), "un mot de passe quelconque",
				Client{IP: "192.0.2.1"})
			mu.Lock()
			outcomes[domain.ErrorMessage(err)]++
			mu.Unlock()
		})
	}
	wg.Wait()
	if peak := svc.hashing.peak.Load(); peak < 1 || peak > bound {
		t.Errorf("%d hashes at once, want at most %d", peak, bound)
	}
	for msg, n := range outcomes {
		if msg != "error.auth.invalid_credentials" && msg != "error.auth.busy" {
			t.Errorf("%d sign-ins ended with %q", n, msg)
		}
	}
	t.Logf("outcomes: %v", outcomes)
}
