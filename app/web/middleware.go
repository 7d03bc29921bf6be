package web

import (
	"log/slog"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/compress"
	"github.com/gofiber/fiber/v2/middleware/recover"
	"github.com/gofiber/fiber/v2/middleware/requestid"

	"passerelle/app/i18n"
)

const localeCookie = "lang"

func (s *Server) middleware() {
	s.app.Use(requestid.New())
	s.app.Use(s.accessLog)
	s.app.Use(recover.New(recover.Config{EnableStackTrace: true, StackTraceHandler: s.logPanic}))
	s.app.Use(s.securityHeaders)
	s.app.Use(compress.New())
	s.app.Use(s.negotiateLocale)
	s.app.Use(skipInfra(s.loadSession))
	s.app.Use(skipInfra(s.csrf))
	s.app.Use(skipInfra(s.checkInput))
}

// skipInfra spares static files and probes the session lookups: they are
// requested often and never change anything.
func skipInfra(h fiber.Handler) fiber.Handler {
	return func(c *fiber.Ctx) error {
		p := c.Path()
		if strings.HasPrefix(p, "/static/") || p == "/healthz" || p == "/readyz" || p == "/metrics" {
			return c.Next()
		}
		return h(c)
	}
}

func requestID(c *fiber.Ctx) string {
	id, _ := c.Locals(requestid.ConfigDefault.ContextKey).(string)
	return id
}

func (s *Server) logPanic(c *fiber.Ctx, e any) {
	s.deps.Logger.Error("panic", slog.String("request_id", requestID(c)), slog.Any("panic", e))
}

// accessLog writes one structured line per request and feeds the metrics.
func (s *Server) accessLog(c *fiber.Ctx) error {
	start := time.Now()
	err := c.Next()
	if err != nil {
		if herr := s.app.ErrorHandler(c, err); herr != nil {
			_ = c.SendStatus(fiber.StatusInternalServerError)
		}
	}
	elapsed := time.Since(start)
	status := c.Response().StatusCode()
	route := c.Route().Path
	s.metrics.observe(c.Method(), route, status, elapsed)
	s.deps.Logger.Info("request", slog.String("method", c.Method()), slog.String("path", c.Path()),
		slog.String("route", route), slog.Int("status", status), slog.Duration("duration", elapsed),
		slog.String("ip", c.IP()), slog.String("request_id", requestID(c)))
	return nil
}

const contentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
	"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

func (s *Server) securityHeaders(c *fiber.Ctx) error {
	c.Set("Content-Security-Policy", contentSecurityPolicy)
	c.Set("X-Content-Type-Options", "nosniff")
	c.Set("X-Frame-Options", "DENY")
	c.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	c.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(self)")
	c.Set("Cross-Origin-Opener-Policy", "same-origin")
	if s.deps.TLS {
		c.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
	}
	return c.Next()
}

// negotiateLocale picks the page language; "?lang=en" on any page switches it
// and remembers the choice in a cookie, so the switch works without JavaScript.
func (s *Server) negotiateLocale(c *fiber.Ctx) error {
	if choice := c.Query("lang"); choice != "" && c.Method() == fiber.MethodGet {
		locale := i18n.Supported(choice)
		c.Cookie(&fiber.Cookie{Name: localeCookie, Value: locale, Path: "/", MaxAge: 365 * 24 * 3600,
			HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode, Secure: s.deps.TLS})
		return c.Redirect(withoutQueryParam(c, "lang"), fiber.StatusSeeOther)
	}
	c.Locals(localeCookie, i18n.Negotiate(c.Cookies(localeCookie), c.Get(fiber.HeaderAcceptLanguage)))
	return c.Next()
}

func localeOf(c *fiber.Ctx) string {
	if locale, ok := c.Locals(localeCookie).(string); ok {
		return locale
	}
	return i18n.Default
}

func withoutQueryParam(c *fiber.Ctx, name string) string {
	args := c.Request().URI().QueryArgs()
	args.Del(name)
	if q := args.String(); q != "" {
		return c.Path() + "?" + q
	}
	if p := c.Path(); strings.HasPrefix(p, "/") {
		return p
	}
	return "/"
}
