package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
)

const (
	csrfCookie = "p92_csrf"
	csrfField  = "_csrf"
	csrfHeader = "X-CSRF-Token"
	csrfLocal  = "csrf"
)

var errCSRF = &domain.Error{Code: domain.EFORBIDDEN, Message: "error.csrf"}

// csrf protects every state-changing request. The token is an HMAC, with a
// key shared by every replica, of the session token when signed in (a
// synchronizer token tied to the session) and otherwise of a random cookie
// (a signed double-submit token for anonymous forms). A cross-site page can
// neither read the cookie nor compute the HMAC.
func (s *Server) csrf(c *fiber.Ctx) error {
	// A partner's key travels in a header that a cross-site page cannot
	// make a browser send.
	if apiKeyOf(c) != nil {
		return c.Next()
	}
	binding := c.Cookies(sessionCookie)
	if currentUser(c) == nil {
		binding = s.anonymousBinding(c)
	}
	token := s.csrfToken(binding)
	c.Locals(csrfLocal, token)
	if safeMethod(c.Method()) || signedLink(c.Path()) {
		return c.Next()
	}
	if !hmac.Equal(sentCSRF(c), []byte(token)) {
		return errCSRF
	}
	return c.Next()
}

// sentCSRF is the token of the X-CSRF-Token header, or else of the form's
// field: never of the query string, which leaks into logs, history and
// Referer headers (fasthttp's FormValue would read it there first).
func sentCSRF(c *fiber.Ctx) []byte {
	if sent := c.Request().Header.Peek(csrfHeader); len(sent) > 0 {
		return sent
	}
	if sent := c.Request().PostArgs().Peek(csrfField); len(sent) > 0 {
		return sent
	}
	if form, err := c.MultipartForm(); err == nil && len(form.Value[csrfField]) > 0 {
		return []byte(form.Value[csrfField][0])
	}
	return nil
}

// signedLink reports a path that carries a signed token secret to its
// recipient, which no other site can forge: the email preference links,
// whose one-click POST (RFC 8058) comes from mail clients without cookies.
func signedLink(path string) bool { return strings.HasPrefix(path, "/e-mails/") }

func safeMethod(m string) bool {
	return m == fiber.MethodGet || m == fiber.MethodHead || m == fiber.MethodOptions
}

// anonymousBinding returns the visitor's random cookie, setting one first.
func (s *Server) anonymousBinding(c *fiber.Ctx) string {
	if v := c.Cookies(csrfCookie); len(v) == 32 {
		return v
	}
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	v := hex.EncodeToString(b)
	c.Cookie(&fiber.Cookie{Name: csrfCookie, Value: v, Path: "/", HTTPOnly: true,
		SameSite: fiber.CookieSameSiteLaxMode, Secure: s.deps.CookieSecure})
	return v
}

func (s *Server) csrfToken(binding string) string {
	mac := hmac.New(sha256.New, s.deps.CSRFKey)
	mac.Write([]byte(binding))
	return hex.EncodeToString(mac.Sum(nil))
}

func csrfOf(c *fiber.Ctx) string {
	t, _ := c.Locals(csrfLocal).(string)
	return t
}
