// Package web serves the platform's pages and API with Fiber.
package web

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"time"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/account"
	"passerelle/app/campaign"
	"passerelle/app/events"
	"passerelle/app/i18n"
	"passerelle/app/internship"
	"passerelle/app/outing"
	"passerelle/app/partners"
	"passerelle/app/passerelle"
	"passerelle/app/progress"
	"passerelle/app/recommend"
	"passerelle/app/signature"
	"passerelle/app/support"
	"passerelle/search"
)

// Server is the HTTP front of the platform.
type Server struct {
	app     *fiber.App
	deps    Deps
	views   *views
	assets  *assets
	metrics *metrics
	// table describes the routes registered through route, with their rules.
	table []Route
	// readModels keep the public pages' data between requests.
	readModels readModels
	// indexCounts keeps the index's counts by job, commune, family and term
	// for a minute, for suggestions (see search_counts.go).
	indexCounts indexCounts
	// searchFragments keep the rendered results of recent searches.
	searchFragments searchFragments
}

// Deps are what the handlers need from the rest of the application.
type Deps struct {
	Logger    *slog.Logger
	Catalog   i18n.Catalog
	Store     Store
	Readiness []Check
	// Search answers the search page and API; nil in tests without one.
	Search search.Engine
	// TLS turns on HSTS: only meaningful when the server itself terminates TLS.
	TLS bool
	// TrustedProxies may set X-Forwarded-For; the client IP (logs, rate
	// limits) is taken from it only when the request comes from one of them.
	TrustedProxies []string
	// Now is the clock; tests may fix it.
	Now func() time.Time

	// Accounts signs people up and in and keeps their sessions.
	Accounts *account.Service
	// People reads accounts, organisations and the audit log.
	People PeopleStore
	// Progress runs the PROGR'ESS call for projects.
	Progress *progress.Service
	// Campaigns runs the visit campaigns and their allocation.
	Campaigns *campaign.Service
	// Signatures has the documents signed online.
	Signatures *signature.Service
	// Internships has the internship agreements signed.
	Internships *internship.Service
	// Outings collects the outing authorisations of group visits.
	Outings *outing.Service
	// Recommendations ranks the published offers for the youth's space; nil: none shown.
	Recommendations *recommend.Service
	// EmailPreferences answers the signed links of emails; nil in tests without it.
	EmailPreferences EmailPreferences
	// Passerelle runs offers, visit sessions, bookings and applications.
	Passerelle *passerelle.Service
	// Events runs the forums, job datings, meet-ups, information sessions and workshops.
	Events *events.Service
	// CSRFKey signs anti-forgery tokens; every replica must share it.
	CSRFKey []byte
	// CookieSecure sends cookies over HTTPS only.
	CookieSecure bool
	// SessionTTL is the lifetime of the session cookie.
	SessionTTL time.Duration
	// Retention is what the privacy page says of the retention periods.
	Retention RetentionPeriods
	// Publication is what the legal notice and the accessibility statement say.
	Publication Publication
	// Partners keeps the partners' API keys; nil: no key is accepted.
	Partners *partners.Service
	// Support is the accompaniment of ESS project holders.
	Support *support.Service
}

// RetentionPeriods are the configured periods the privacy page states.
type RetentionPeriods struct {
	InactiveYears int // an account unused for them is anonymised
	CVDays        int // the CV and messages of a closed application are deleted after them
}

// New builds the server and declares its routes.
func New(deps Deps) (*Server, error) {
	if deps.Now == nil {
		deps.Now = time.Now
	}
	if deps.Accounts == nil || deps.People == nil || len(deps.CSRFKey) < 32 {
		return nil, errors.New("web: the accounts service, the people store and a CSRF key of 32 bytes are required")
	}
	s := &Server{deps: deps, assets: loadAssets(), metrics: newMetrics()}
	s.readModels = s.newReadModels()
	s.searchFragments = newSearchFragments(deps.Search, deps.Now)
	var err error
	if s.views, err = parseViews(deps.Catalog, s.assets); err != nil {
		return nil, err
	}
	s.app = fiber.New(fiber.Config{
		AppName:                 "Passerelle 92",
		ErrorHandler:            s.handleError,
		DisableStartupMessage:   true,
		ReadTimeout:             30 * time.Second,
		WriteTimeout:            30 * time.Second,
		IdleTimeout:             2 * time.Minute,
		BodyLimit:               8 << 20,
		EnableTrustedProxyCheck: len(deps.TrustedProxies) > 0,
		TrustedProxies:          deps.TrustedProxies,
		ProxyHeader:             proxyHeader(deps.TrustedProxies),
	})
	s.routes()
	return s, nil
}

// Serve accepts connections on ln until Shutdown.
func (s *Server) Serve(ln net.Listener) error {
	return s.app.Listener(ln)
}

// Shutdown stops accepting connections and waits for requests in flight.
func (s *Server) Shutdown(ctx context.Context) error {
	return s.app.ShutdownWithContext(ctx)
}

// App exposes the Fiber app to tests that drive it without a socket.
func (s *Server) App() *fiber.App { return s.app }

func proxyHeader(trusted []string) string {
	if len(trusted) == 0 {
		return ""
	}
	return fiber.HeaderXForwardedFor
}
