package account

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"time"

	"passerelle/app/domain"
)

// newSecret returns a random token of 256 bits, URL-safe, and its hash,
// the only form stored.
func newSecret() (raw, hash string) {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand never fails on supported platforms
	raw = hex.EncodeToString(b)
	return raw, HashSecret(raw)
}

// HashSecret is the stored form of a cookie or emailed token.
func HashSecret(raw string) string {
	sum := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(sum[:])
}

// issueToken stores a one-time token and returns its clear value, to email.
func (s *Service) issueToken(ctx context.Context, t domain.Token, ttl time.Duration) (string, error) {
	raw, hash := newSecret()
	t.ID, t.CreatedAt, t.ExpiresAt = hash, s.now().UTC(), s.now().UTC().Add(ttl)
	return raw, s.store.InsertToken(ctx, t)
}

var errTokenInvalid = &domain.Error{Code: domain.EINVALID, Message: "error.token.invalid"}

// takeToken uses a token up: it is deleted whatever happens next, and
// refused when expired or meant for something else.
func (s *Service) takeToken(ctx context.Context, raw string, purpose domain.TokenPurpose) (*domain.Token, error) {
	t, err := s.store.TakeToken(ctx, HashSecret(raw))
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return nil, errTokenInvalid
	}
	if err != nil {
		return nil, err
	}
	if t.Purpose != purpose || !s.now().Before(t.ExpiresAt) {
		return nil, errTokenInvalid
	}
	return t, nil
}
