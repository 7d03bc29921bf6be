package web

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/account"
	"passerelle/app/domain"
)

const (
	sessionCookie = "p92_session"
	userLocal     = "user"
)

// loadSession puts the signed-in user, if any, into the request; a cookie
// that no longer matches a session is removed.
func (s *Server) loadSession(c *fiber.Ctx) error {
	raw := c.Cookies(sessionCookie)
	if raw == "" || apiKeyOf(c) != nil { // a partner's key speaks for itself
		return c.Next()
	}
	user, err := s.deps.Accounts.SessionUser(c.UserContext(), raw)
	if err != nil {
		return err
	}
	if user == nil {
		s.clearSessionCookie(c)
		return c.Next()
	}
	c.Locals(userLocal, user)
	return c.Next()
}

// currentUser is the signed-in user, or nil.
func currentUser(c *fiber.Ctx) *domain.User {
	u, _ := c.Locals(userLocal).(*domain.User)
	return u
}

func (s *Server) client(c *fiber.Ctx) account.Client {
	return account.Client{IP: c.IP(), UserAgent: c.Get(fiber.HeaderUserAgent), Locale: localeOf(c)}
}

// signIn gives the browser the new session's cookie: HttpOnly (no script
// reads it), SameSite=Lax (no cross-site form posts with it), Secure per config.
func (s *Server) signIn(c *fiber.Ctx, raw string, user *domain.User) error {
	if old := c.Cookies(sessionCookie); old != "" {
		if err := s.deps.Accounts.DropSession(c.UserContext(), old); err != nil {
			return err
		}
	}
	c.Cookie(&fiber.Cookie{Name: sessionCookie, Value: raw, Path: "/", HTTPOnly: true,
		SameSite: fiber.CookieSameSiteLaxMode, Secure: s.deps.CookieSecure,
		Expires: s.deps.Now().Add(s.deps.SessionTTL)})
	c.Locals(userLocal, user)
	c.Locals(csrfLocal, s.csrfToken(raw))
	return nil
}

func (s *Server) clearSessionCookie(c *fiber.Ctx) {
	c.Cookie(&fiber.Cookie{Name: sessionCookie, Value: "", Path: "/", HTTPOnly: true,
		SameSite: fiber.CookieSameSiteLaxMode, Secure: s.deps.CookieSecure, Expires: time.Unix(0, 0)})
}
