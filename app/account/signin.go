package account

import (
	"context"
	"sync"

	"passerelle/app/domain"
)

// errBadCredentials is a form error (422), not a 401: the page itself is open
// to anyone, what failed is the input.
var errBadCredentials = &domain.Error{Code: domain.EINVALID, Message: "error.auth.invalid_credentials"}

// SignIn checks an email and password and starts a session, returning its
// token. Every failure before the password is checked takes as long and
// says the same, so that the page never tells whether an address has an account.
func (s *Service) SignIn(ctx context.Context, email, password string, client Client) (string, *domain.User, error) {
	email, _ = NormaliseEmail(email)
	if err := s.limit(ctx, "signin", client, email); err != nil {
		return "", nil, err
	}
	user, err := s.store.UserByEmail(ctx, email)
	if err != nil && domain.ErrorCode(err) != domain.ENOTFOUND {
		return "", nil, err
	}
	matches, err := s.passwordMatches(ctx, user, password)
	if err != nil {
		return "", nil, err
	}
	if !matches {
		s.audit(ctx, domain.AuditEvent{ActorID: idOf(user), Action: domain.AuditSignInFailed, IP: client.IP})
		return "", nil, errBadCredentials
	}
	if err := s.mayEnter(ctx, user, client); err != nil {
		return "", nil, err
	}
	raw, err := s.StartSession(ctx, user, client)
	return raw, user, err
}

// passwordMatches spends one hash computation whatever the case, in the
// bounded pool of hashes.
func (s *Service) passwordMatches(ctx context.Context, user *domain.User, password string) (matches bool, err error) {
	err = s.hashing.do(ctx, func() {
		hash := s.dummyHash()
		if user != nil && user.PasswordHash != "" {
			hash = user.PasswordHash
		}
		ok, verr := VerifyPassword(hash, password)
		matches = ok && verr == nil && hash != s.dummyHash()
	})
	return matches, err
}

var (
	dummyOnce sync.Once
	dummy     string
)

// dummyHash is a hash no password is checked against for real: an unknown
// address costs the same time as a known one.
func (s *Service) dummyHash() string {
	dummyOnce.Do(func() { dummy, _ = s.cfg.Argon2.HashPassword(NewPassword()) })
	return dummy
}

// mayEnter refuses suspended accounts and unverified addresses (sending a new
// verification link). Only someone who knew the password gets here.
func (s *Service) mayEnter(ctx context.Context, user *domain.User, client Client) error {
	if user.SuspendedAt != nil {
		return &domain.Error{Code: domain.EFORBIDDEN, Message: "error.auth.suspended"}
	}
	if user.EmailVerifiedAt == nil {
		if err := s.sendVerification(ctx, user, client.Locale); err != nil {
			return err
		}
		return &domain.Error{Code: domain.EFORBIDDEN, Message: "error.auth.unverified"}
	}
	return nil
}

func idOf(u *domain.User) string {
	if u == nil {
		return ""
	}
	return u.ID
}

// signInWithToken uses an emailed link that proves the address: it marks the
// address verified and starts a session.
func (s *Service) signInWithToken(ctx context.Context, raw string, purpose domain.TokenPurpose, action string, client Client) (string, *domain.User, error) {
	t, err := s.takeToken(ctx, raw, purpose)
	if err != nil {
		return "", nil, err
	}
	user, err := s.store.UserByID(ctx, t.UserID)
	if err != nil {
		return "", nil, err
	}
	if user.SuspendedAt != nil {
		return "", nil, &domain.Error{Code: domain.EFORBIDDEN, Message: "error.auth.suspended"}
	}
	if err := s.store.MarkEmailVerified(ctx, user.ID, s.Now().UTC()); err != nil {
		return "", nil, err
	}
	s.audit(ctx, domain.AuditEvent{ActorID: user.ID, Action: action, IP: client.IP})
	session, err := s.StartSession(ctx, user, client)
	return session, user, err
}
