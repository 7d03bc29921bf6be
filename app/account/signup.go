package account

import (
	"context"
	netmail "net/mail"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"passerelle/app/domain"
)

// SignUp is what the sign-up form asks.
type SignUp struct {
	Email    string
	Name     string
	Role     domain.Role
	Password string // empty for a passwordless account, signed in by emailed links
}

// verifyTTL is how long an email verification link works.
const verifyTTL = 48 * time.Hour

// ParseSignUp decodes and checks the sign-up form; every field error names
// its field, so the page shows it next to it.
func ParseSignUp(form url.Values) (SignUp, error) {
	in := SignUp{Email: strings.TrimSpace(form.Get("email")), Name: strings.TrimSpace(form.Get("name")),
		Role: domain.Role(form.Get("role")), Password: form.Get("password")}
	email, err := NormaliseEmail(in.Email)
	if err != nil {
		return in, err
	}
	in.Email = email
	switch {
	case in.Name == "" || utf8.RuneCountInString(in.Name) > 100 || !utf8.ValidString(in.Name):
		return in, domain.FieldError("name", "error.signup.name")
	case !in.Role.SelfRegistered():
		return in, domain.FieldError("role", "error.signup.role")
	case form.Get("passwordless") == "" || in.Password != "":
		return in, CheckPassword(in.Password, in.Email)
	}
	return in, nil
}

// NormaliseEmail returns the address in lower case, or a field error.
func NormaliseEmail(s string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	addr, err := netmail.ParseAddress(s)
	if err != nil || addr.Address != s || len(s) > 254 || !strings.Contains(s[strings.LastIndex(s, "@"):], ".") {
		return "", domain.FieldError("email", "error.signup.email")
	}
	return s, nil
}

// Register creates the account and emails a verification link, which also
// signs in. For an address already taken it emails its owner instead, and
// answers the same: the page never tells whether an address has an account.
func (s *Service) Register(ctx context.Context, in SignUp, client Client) error {
	if err := s.limit(ctx, "signup", client, in.Email); err != nil {
		return err
	}
	user, err := s.newUser(ctx, in, client.Locale)
	if err != nil {
		return err
	}
	err = s.store.InsertUsers(ctx, []domain.User{*user})
	if domain.ErrorCode(err) == domain.ECONFLICT {
		s.send(linkMail{kind: "already", to: in.Email, locale: client.Locale, link: s.link("/connexion", "")})
		return nil
	}
	if err != nil {
		return err
	}
	s.audit(ctx, domain.AuditEvent{ActorID: user.ID, Action: domain.AuditSignUp, IP: client.IP, Detail: string(in.Role)})
	return s.sendVerification(ctx, user, client.Locale)
}

func (s *Service) newUser(ctx context.Context, in SignUp, locale string) (*domain.User, error) {
	u := &domain.User{ID: "user-" + strings.ToLower(newID()), Email: in.Email, Name: in.Name,
		Roles: []domain.Role{in.Role}, Locale: locale, CreatedAt: s.Now().UTC()}
	if in.Password == "" {
		return u, nil
	}
	var err error
	u.PasswordHash, err = s.hashing.hash(ctx, s.cfg.Argon2, in.Password)
	return u, err
}

func (s *Service) sendVerification(ctx context.Context, user *domain.User, locale string) error {
	raw, err := s.issueToken(ctx, domain.Token{Purpose: domain.TokenVerifyEmail, UserID: user.ID}, verifyTTL)
	if err != nil {
		return err
	}
	s.send(linkMail{kind: "verify", to: user.Email, locale: locale, link: s.link("/verification/", raw), args: []any{user.Name}})
	return nil
}

// VerifyEmail uses a verification link: the address is proven, and the
// browser signed in. It returns the new session's token.
func (s *Service) VerifyEmail(ctx context.Context, raw string, client Client) (string, *domain.User, error) {
	return s.signInWithToken(ctx, raw, domain.TokenVerifyEmail, domain.AuditEmailVerified, client)
}
