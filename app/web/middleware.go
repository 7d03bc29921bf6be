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
	"passerelle/app/roundtrip"
)

const localeCookie = "lang"

// localeLifetime is how long the browser remembers the language chosen.
const localeLifetime = 365 * 24 * time.Hour

func (s *Server) middleware() {
	s.app.Use(requestid.New())
	s.app.Use(s.accessLog)
	s.app.Use(recover.New(recover.Config{EnableStackTrace: true, StackTraceHandler: s.logPanic}))
	s.app.Use(s.securityHeaders)
	// The fastest level: at the default one, compressing took an eighth of
	// the search page's time under a crowd, for pages a tenth smaller (a
	// page of results: 3.8 KB in gzip instead of 4.3 KB).
	s.app.Use(compress.New(compress.Config{Level: compress.LevelBestSpeed}))
	s.app.Use(s.negotiateLocale)
	s.app.Use(refuseEncodedBody)
	s.app.Use(skipInfra(s.loadAPIKey))
	s.app.Use(skipInfra(s.loadSession))
	s.app.Use(skipInfra(s.csrf))
	s.app.Use(skipInfra(s.checkInput))
}

// skipInfra spares static files and probes the session lookups: they are
// requested often and never change anything.
func skipInfra(h fiber.Handler) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if infraPath(c.Path()) {
			return c.Next()
		}
		return h(c)
	}
}

// infraPath is a path of static files, probes and monitoring.
func infraPath(p string) bool {
	return strings.HasPrefix(p, "/static/") || p == "/healthz" || p == "/readyz" || p == "/metrics"
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
	ctx, trips := roundtrip.With(c.UserContext())
	c.SetUserContext(ctx)
	err := c.Next()
	if !safeMethod(c.Method()) {
		// Other processes learn this request's writes before its answer:
		// whoever reads them elsewhere after it waits at most the bound. A
		// failure (logged by the store) leaves them to the next publication:
		// the writes themselves are done.
		_ = s.deps.Store.PublishChanges(ctx)
	}
	if err != nil {
		if herr := s.app.ErrorHandler(c, err); herr != nil {
			_ = c.SendStatus(fiber.StatusInternalServerError)
		}
	}
	elapsed := time.Since(start)
	status := c.Response().StatusCode()
	route := routeOf(c)
	s.metrics.observe(c.Method(), route, status, elapsed, trips.Count())
	s.deps.Logger.Info("request", slog.String("method", c.Method()), slog.String("path", c.Path()),
		slog.String("route", route), slog.Int("status", status), slog.Duration("duration", elapsed),
		slog.Int("db_round_trips", trips.Count()), slog.String("ip", c.IP()), slog.String("request_id", requestID(c)))
	if s.deps.Logger.Enabled(ctx, slog.LevelDebug) {
		s.deps.Logger.Debug("request database commands", slog.String("route", route),
			slog.Any("commands", trips.Commands()), slog.String("request_id", requestID(c)))
	}
	return nil
}

// unrouted is the route of the requests answered before any route: by the
// middleware (no anti-forgery token, a compressed body, a language switch)
// or for want of a route (an unknown path, which a stranger chooses: one
// label for all).
const unrouted = "unrouted"

// routeOf is the declared path of the route that answered. A request that
// none answered last matched the middleware, which Fiber mounts at "/".
func routeOf(c *fiber.Ctx) string {
	route := c.Route().Path
	if route == "/" && c.Path() != "/" {
		return unrouted
	}
	return route
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
	// Pages show whoever is signed in, on computers that schools and CIO
	// share: nothing is kept by a browser or a proxy, unless a handler of
	// public, personless content (static files, suggestions) says otherwise.
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Set(fiber.HeaderPragma, "no-cache")
	return c.Next()
}

// cacheable lets browsers and proxies keep an answer that is the same for
// everyone, as cacheControl says.
func cacheable(c *fiber.Ctx, cacheControl string) {
	c.Set(fiber.HeaderCacheControl, cacheControl)
	c.Response().Header.Del(fiber.HeaderPragma)
}

var errEncodedBody = fiber.NewError(fiber.StatusUnsupportedMediaType, "request bodies are read uncompressed")

// refuseEncodedBody refuses a compressed request body before anything reads
// it: Fiber and fasthttp inflate one in memory without a bound, so 100 KB of
// gzip would cost 100 MB. Browsers and API clients send bodies uncompressed.
func refuseEncodedBody(c *fiber.Ctx) error {
	if e := c.Get(fiber.HeaderContentEncoding); e != "" && !strings.EqualFold(e, "identity") {
		return errEncodedBody
	}
	return c.Next()
}

// negotiateLocale picks the page language; "?lang=en" on any page switches it
// and remembers the choice in a cookie, so the switch works without JavaScript.
func (s *Server) negotiateLocale(c *fiber.Ctx) error {
	if choice := c.Query("lang"); choice != "" && safeMethod(c.Method()) {
		locale := i18n.Supported(choice)
		c.Cookie(&fiber.Cookie{Name: localeCookie, Value: locale, Path: "/", MaxAge: int(localeLifetime.Seconds()),
			HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode, Secure: s.deps.TLS})
		return c.Redirect(localTarget(withoutQueryParam(c, "lang"), "/"), fiber.StatusSeeOther)
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
	return c.Path()
}
