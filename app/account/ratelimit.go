package account

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"passerelle/app/domain"
)

// RateLimited is returned when too many attempts came from one address or
// for one account; the page says when to try again (Retry-After).
type RateLimited struct {
	RetryAfter time.Duration
	Message    string // translation key; error.auth.too_many when empty
}

func (e *RateLimited) Error() string { return fmt.Sprintf("rate limited for %s", e.RetryAfter) }

// Unwrap lets the web layer show it as any other "too many requests" error.
func (e *RateLimited) Unwrap() error {
	return &domain.Error{Code: domain.ETOOMANY, Message: cmp.Or(e.Message, "error.auth.too_many")}
}

const (
	// ipFactor gives a client address more attempts than one account: a
	// whole class signing up from a school shares one public address.
	ipFactor = 20
	// accountCeiling times the per-minute rate is what one account gets per
	// hour from every address together: slow enough against guessing spread
	// over many addresses, high enough that a stranger must work for an hour
	// to keep its owner on the emailed link.
	accountCeiling = 10
)

// limit counts an attempt at action from client for email (if any) and
// refuses it past the configured rate: per address, per account from that
// address (so that a stranger's failures elsewhere never lock its owner
// out), and per account from everywhere within a higher hourly ceiling.
// Counters live in the database, one document per key and fixed window, so
// that every replica shares them.
func (s *Service) limit(ctx context.Context, action string, client Client, email string) error {
	per := s.cfg.LoginRatePerMinute
	if err := s.hit(ctx, action+":ip:"+client.IP, per*ipFactor, time.Minute); err != nil {
		return s.refused(ctx, err, action, client)
	}
	if email == "" {
		return nil
	}
	account := action + ":account:" + strings.ToLower(email)
	err := s.hit(ctx, account+":ip:"+client.IP, per, time.Minute)
	if err == nil {
		err = s.hit(ctx, account, per*accountCeiling, time.Hour)
	}
	return s.refused(ctx, err, action, client)
}

func (s *Service) hit(ctx context.Context, key string, max int, window time.Duration) error {
	_, err := CountHit(ctx, s.store, s.now(), key, max, window)
	return err
}

// RateCounter counts hits in the database, one document per key and
// window, so that every replica shares the counters.
type RateCounter interface {
	HitRateLimit(ctx context.Context, key string, expiresAt time.Time) (int, error)
}

// CountHit counts a hit on key in the fixed window holding now and refuses
// it with *RateLimited past max; it returns the hit's rank in its window.
func CountHit(ctx context.Context, counter RateCounter, now time.Time, key string, max int, window time.Duration) (int, error) {
	now = now.UTC()
	start := now.Truncate(window)
	end := start.Add(window)
	n, err := counter.HitRateLimit(ctx, fmt.Sprintf("%s:%d", key, start.Unix()), end)
	if err != nil {
		return n, err
	}
	if n > max {
		return n, &RateLimited{RetryAfter: end.Sub(now)}
	}
	return n, nil
}

// refused audits a refusal, once per window would be enough but each is
// cheap. A refused password sign-in points to the emailed link, which its
// own counters leave open.
func (s *Service) refused(ctx context.Context, err error, action string, client Client) error {
	if limited, ok := err.(*RateLimited); ok {
		if action == "signin" {
			limited.Message = "error.auth.too_many_password"
		}
		s.logger.Warn("rate limited", slog.String("action", action), slog.String("ip", client.IP))
		s.audit(ctx, domain.AuditEvent{Action: domain.AuditRateLimited, IP: client.IP, Detail: action})
	}
	return err
}
