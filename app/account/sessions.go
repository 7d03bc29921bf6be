package account

import (
	"context"

	"passerelle/app/domain"
)

// StartSession signs user in from client: a new random token every time,
// so a session fixed before sign-in is never reused (rotation).
func (s *Service) StartSession(ctx context.Context, user *domain.User, client Client) (string, error) {
	raw, hash := newSecret()
	now := s.now().UTC()
	sess := domain.WebSession{ID: hash, UserID: user.ID, CreatedAt: now, ExpiresAt: now.Add(s.cfg.SessionTTL),
		IP: client.IP, UserAgent: truncate(client.UserAgent, 200)}
	if err := s.store.InsertWebSession(ctx, sess); err != nil {
		return "", err
	}
	// The retention job anonymises accounts by their last sign-in.
	if err := s.store.MarkSignedIn(ctx, user.ID, now); err != nil {
		return "", err
	}
	s.audit(ctx, domain.AuditEvent{ActorID: user.ID, Action: domain.AuditSignIn, IP: client.IP})
	return raw, nil
}

// SessionUser returns the user signed in with the cookie token raw, or nil
// when the token is unknown, expired or its user suspended.
func (s *Service) SessionUser(ctx context.Context, raw string) (*domain.User, error) {
	sess, err := s.store.WebSessionByID(ctx, HashSecret(raw))
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !s.now().Before(sess.ExpiresAt) {
		return nil, s.store.DeleteWebSession(ctx, sess.ID)
	}
	user, err := s.store.UserByID(ctx, sess.UserID)
	if domain.ErrorCode(err) == domain.ENOTFOUND || (user != nil && user.SuspendedAt != nil) {
		return nil, nil
	}
	return user, err
}

// EndSession signs the browser holding raw out.
func (s *Service) EndSession(ctx context.Context, raw string, user *domain.User, client Client) error {
	s.audit(ctx, domain.AuditEvent{ActorID: user.ID, Action: domain.AuditSignOut, IP: client.IP})
	return s.store.DeleteWebSession(ctx, HashSecret(raw))
}

// DropSession forgets the session a browser had before signing in again,
// so that a token planted before sign-in never outlives it.
func (s *Service) DropSession(ctx context.Context, raw string) error {
	return s.store.DeleteWebSession(ctx, HashSecret(raw))
}

// EndAllSessions signs the user out of every browser.
func (s *Service) EndAllSessions(ctx context.Context, user *domain.User, client Client) error {
	s.audit(ctx, domain.AuditEvent{ActorID: user.ID, Action: domain.AuditSignOutAll, IP: client.IP})
	return s.store.DeleteUserWebSessions(ctx, user.ID)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
