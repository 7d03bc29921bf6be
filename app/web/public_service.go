package web

import (
	"slices"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
)

// Publication is who publishes the site and what it declares of its
// accessibility, from the configuration: the legal notice, the
// accessibility statement and the footer say it.
type Publication struct {
	Publisher, PublisherAddress, Director, ContactEmail, Host, HostAddress string
	// AccessibilityStatus is none, partial or full (RGAA conformity).
	AccessibilityStatus string
	// AuditDate is the day of the RGAA audit, zero when there was none.
	AuditDate, StatementDate time.Time
}

// siteCookie is a cookie the platform sets, as the legal notice lists it.
type siteCookie struct {
	Name    string
	Purpose string // catalog key
	// Lifetime says how long the browser keeps it; zero: until it closes.
	Lifetime time.Duration
}

// siteCookies are every cookie the platform sets — all strictly necessary,
// so none needs consent (CNIL; article 82 of the loi Informatique et
// Libertés). TestLegalNoticeListsEveryCookieTheCodeSets reads the code for
// the cookies it sets and compares them with this list.
func (s *Server) siteCookies() []siteCookie {
	return []siteCookie{
		{sessionCookie, "legal.cookies.session", s.deps.SessionTTL},
		{csrfCookie, "legal.cookies.csrf", 0},
		{flashCookie, "legal.cookies.flash", flashLifetime},
		{localeCookie, "legal.cookies.lang", localeLifetime},
	}
}

// cookieRow is a line of the legal notice's table of cookies.
type cookieRow struct{ Name, Purpose, Lifetime string }

func (s *Server) legalNotice(c *fiber.Ctx) error {
	l := s.localizer(c)
	var rows []cookieRow
	for _, k := range s.siteCookies() {
		rows = append(rows, cookieRow{Name: k.Name, Purpose: l.T(k.Purpose), Lifetime: cookieLifetime(l, k.Lifetime)})
	}
	return s.render(c, "legal_notice", fiber.Map{"Title": l.T("legal.title"), "Pub": s.deps.Publication,
		"Cookies": rows})
}

// cookieLifetime says a cookie's lifetime in days, else in minutes.
func cookieLifetime(l localizer, d time.Duration) string {
	const day = 24 * time.Hour
	switch {
	case d <= 0:
		return l.T("legal.cookies.browser_session")
	case d >= day:
		return l.T("legal.cookies.days", l.Number(int(d/day)))
	}
	return l.T("legal.cookies.minutes", l.Number(int(d/time.Minute)))
}

func (s *Server) accessibilityStatement(c *fiber.Ctx) error {
	l := s.localizer(c)
	return s.render(c, "accessibility", fiber.Map{"Title": l.T("accessibility.title"), "Pub": s.deps.Publication})
}

// sitemapEntry is a page of the site map, with the pages under it.
type sitemapEntry struct {
	Path, Label string
	Children    []*sitemapEntry
}

// siteMap lists the public pages of the route table, each under the
// nearest page whose path is a prefix of its own.
func (s *Server) siteMap(c *fiber.Ctx) error {
	l := s.localizer(c)
	var roots []*sitemapEntry
	byPath := map[string]*sitemapEntry{}
	for _, path := range sitemapPaths(s.table) {
		e := &sitemapEntry{Path: path, Label: l.T(sitemapLabel(path))}
		byPath[path] = e
		if parent := sitemapParent(path, byPath); parent != nil {
			parent.Children = append(parent.Children, e)
		} else {
			roots = append(roots, e)
		}
	}
	return s.render(c, "sitemap", fiber.Map{"Title": l.T("sitemap.title"), "Pages": roots})
}

// sitemapPaths are the pages a visitor may open by their address: the
// public GET routes without a parameter, save the machines' (assets, probes,
// the API) and the staff's space, which the header offers staff only.
// Shorter paths come first, so that a page's parent precedes it.
func sitemapPaths(table []Route) []string {
	var paths []string
	for _, r := range table {
		if r.Method != fiber.MethodGet || !r.Anonymous || strings.ContainsAny(r.Path, ":*") ||
			infraPath(r.Path) || strings.HasPrefix(r.Path, "/api/") || r.Path == "/agents" || slices.Contains(paths, r.Path) {
			continue
		}
		paths = append(paths, r.Path)
	}
	slices.SortStableFunc(paths, func(a, b string) int { return strings.Count(a, "/") - strings.Count(b, "/") })
	return paths
}

// sitemapLabel is the catalog key naming a page of the site map.
func sitemapLabel(path string) string { return "sitemap.page:" + path }

// sitemapParent is the entry whose path is the longest prefix of path.
func sitemapParent(path string, byPath map[string]*sitemapEntry) *sitemapEntry {
	for i := strings.LastIndex(path, "/"); i > 0; i = strings.LastIndex(path[:i], "/") {
		if e, ok := byPath[path[:i]]; ok {
			return e
		}
	}
	return nil
}
