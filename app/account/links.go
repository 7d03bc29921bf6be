package account

import (
	"context"
	"time"

	"passerelle/app/domain"
)

// resetTTL is how long a password reset link works.
const resetTTL = time.Hour

// RequestMagicLink emails a one-time sign-in link to the address if it has an
// account. The answer is the same either way.
func (s *Service) RequestMagicLink(ctx context.Context, email string, client Client) error {
	return s.emailLinkTo(ctx, email, client, "magic", domain.TokenMagicLink, s.cfg.MagicLinkTTL, "/connexion/lien/")
}

// UseMagicLink signs in with a link from RequestMagicLink, once.
func (s *Service) UseMagicLink(ctx context.Context, raw string, client Client) (string, *domain.User, error) {
	return s.signInWithToken(ctx, raw, domain.TokenMagicLink, domain.AuditMagicLinkUsed, client)
}

// RequestReset emails a password reset link to the address if it has an
// account. The answer is the same either way.
func (s *Service) RequestReset(ctx context.Context, email string, client Client) error {
	return s.emailLinkTo(ctx, email, client, "reset", domain.TokenResetPassword, resetTTL, "/mot-de-passe/nouveau/")
}

func (s *Service) emailLinkTo(ctx context.Context, email string, client Client, kind string,
	purpose domain.TokenPurpose, ttl time.Duration, path string) error {
	email, err := NormaliseEmail(email)
	if err != nil {
		return err
	}
	if err := s.limit(ctx, kind, client, email); err != nil {
		return err
	}
	user, err := s.store.UserByEmail(ctx, email)
	if domain.ErrorCode(err) == domain.ENOTFOUND || (user != nil && user.SuspendedAt != nil) {
		return nil
	}
	if err != nil {
		return err
	}
	raw, err := s.issueToken(ctx, domain.Token{Purpose: purpose, UserID: user.ID}, ttl)
	if err != nil {
		return err
	}
	s.send(linkMail{kind: kind, to: user.Email, locale: client.Locale, link: s.link(path, raw),
		args: []any{user.Name, int(ttl.Minutes())}})
	return nil
}

// ResetPassword sets a new password with a reset link, signs the person out
// everywhere else and in here, and returns the new session's token. The
// password is checked before the link is used up, so a refused password
// leaves the link working.
func (s *Service) ResetPassword(ctx context.Context, raw, password string, client Client) (string, *domain.User, error) {
	if err := CheckPassword(password, ""); err != nil {
		return "", nil, err
	}
	t, err := s.takeToken(ctx, raw, domain.TokenResetPassword)
	if err != nil {
		return "", nil, err
	}
	user, err := s.setPassword(ctx, t.UserID, password)
	if err != nil {
		return "", nil, err
	}
	s.audit(ctx, domain.AuditEvent{ActorID: user.ID, Action: domain.AuditPasswordReset, IP: client.IP})
	session, err := s.StartSession(ctx, user, client)
	return session, user, err
}

func (s *Service) setPassword(ctx context.Context, userID, password string) (*domain.User, error) {
	hash, err := s.hashing.hash(ctx, s.cfg.Argon2, password)
	if err != nil {
		return nil, err
	}
	for _, step := range []func() error{
		func() error { return s.store.SetPasswordHash(ctx, userID, hash) },
		func() error { return s.store.DeleteUserWebSessions(ctx, userID) },
		func() error { return s.store.DeleteUserTokens(ctx, userID, domain.TokenResetPassword) },
		func() error { return s.store.MarkEmailVerified(ctx, userID, s.Now().UTC()) },
	} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return s.store.UserByID(ctx, userID)
}
