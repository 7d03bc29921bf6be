package web_test

import (
	"html"
	"maps"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"passerelle/app/domain"
	"passerelle/app/web"
)

// clicks is how deep the reachability crawl follows links from the home page.
const clicks = 3

// unlinked are the GET routes no page needs to link to, with why.
var unlinked = map[string]string{
	"/static/*": "assets", "/healthz": "probes", "/readyz": "probes", "/metrics": "monitoring",
	"/connexion/lien/:token": "opened from an email", "/verification/:token": "opened from an email",
	"/mot-de-passe/nouveau/:token": "opened from an email", "/consentement/:token": "opened from an email",
	"/invitations/:token": "opened from an email", "/e-mails/:token": "opened from an email",
	"/e-mails/:token/desabonnement": "opened from an email",
	// What the fixture has no example of: a submitted file with an attachment, a jury assignment, a campaign.
	"/progress/dossiers/:id/pieces/:file":         "no attachment in the fixture",
	"/progress/dossiers/:id/accuse-reception.pdf": "no submitted file in the fixture",
	"/jury/dossiers/:id":                          "no jury assignment in the fixture",
	"/agents/progress/dossiers/:id":               "no submitted file in the fixture",
	"/agents/campagnes/:id":                       "no campaign in the fixture",
	"/campagnes/:id":                              "no campaign in the fixture",
}

// visitorsOnly are the pages a signed-in user is sent away from.
var visitorsOnly = []string{"/connexion", "/inscription", "/mot-de-passe/oubli"}

// TestEveryPageIsReachedByLinks crawls, for each role, from the home page by
// following links only (at most three clicks, one example per
// parameterised page), and fails on a page the role may use according to
// the route table that no link reaches.
func TestEveryPageIsReachedByLinks(t *testing.T) {
	f := newFixture(t)
	p := f.programme(t)
	examples(t, f, p)
	f.association(t, "reach-asso")
	applicant := f.signedInUser(t, "reach-applicant", domain.RoleApplicant, "reach-asso")
	call := f.demoCall(t)
	applicant.get(t, "/progress/appels/"+call.ID)
	if resp, _ := applicant.post(t, "/progress/appels/"+call.ID+"/candidature", url.Values{"organisation": {"reach-asso"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("start a file: %d", resp.StatusCode)
	}
	// A support request given to the adviser's structure.
	f.supportStructure(t, "reach-support", "Incubateur solidaire", "W921234570")
	request := askSupport(t, applicant, "Ressourcerie de quartier")
	staff := p.staff.pageVisitor()
	staff.get(t, request)
	if resp, _ := staff.post(t, request+"/attribution", url.Values{"structure_id": {"reach-support"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("give the support request: %d", resp.StatusCode)
	}
	visitors := map[string]*visitor{"anonymous": f.visitor(), "youth": p.youth.pageVisitor(),
		"counsellor": p.counsellor.pageVisitor(), "employer": p.employer.pageVisitor(), "applicant": applicant,
		"reviewer": f.signedInUser(t, "reach-reviewer", domain.RoleReviewer), "staff": staff,
		"admin":   f.signedInUser(t, "reach-admin", domain.RoleAdmin),
		"adviser": f.signedInUser(t, "reach-adviser", domain.RoleAdviser, "reach-support")}
	eventExamples(t, f, map[string]*visitor{"youth": visitors["youth"], "counsellor": visitors["counsellor"],
		"employer": visitors["employer"], "applicant": applicant})
	routes := f.server.Routes()
	for role, v := range visitors {
		t.Run(role, func(t *testing.T) {
			t.Parallel()
			reached, pages := crawl(t, v, routes, func(link, body string) { checkHumanText(t, link, body) })
			for _, r := range routes {
				if mayUse(r, role) && !reached[r.Path] {
					t.Errorf("no link within %d clicks of the home page reaches %s", clicks, r.Path)
				}
			}
			t.Logf("%d pages read", pages)
			english := &visitor{f: f, cookies: maps.Clone(v.cookies)}
			english.cookies["lang"] = "en"
			_, pages = crawl(t, english, routes, func(link, body string) {
				checkHumanText(t, link, body)
				checkEnglish(t, link, body)
			})
			t.Logf("%d pages read in English", pages)
		})
	}
}

// examples makes one of each parameterised thing the pages link to: a
// visit session booked by the counsellor, an application of the youth, and
// the newest offer, which the youth may apply to (the offer page links to
// the form only then).
func examples(t *testing.T, f *fixture, p *programme) {
	t.Helper()
	if status, o := p.employer.call(t, "POST", "/api/v1/offers", f.offerBody("apprenticeship")); status != http.StatusCreated {
		t.Fatalf("an offer to apply to: %d %v", status, o)
	}
	session := p.sessions(t, f, 1, 30)[0]
	counsellor := p.counsellor.pageVisitor()
	resp, _ := counsellor.post(t, "/visites/"+session+"/reserver", url.Values{"structure_id": {"api-school"},
		"group_name": {"3e B"}, "group_level": {"3e"}, "seats": {"24"}, "adults": {"2"}, "request_key": {"reach"}})
	wantStatus(t, resp, http.StatusSeeOther)
	p.apply(t)
}

// mayUse says whether role may GET the page r according to the route
// table, for pages people open from another page.
func mayUse(r web.Route, role string) bool {
	if r.Method != http.MethodGet || strings.HasPrefix(r.Path, "/api/") || unlinked[r.Path] != "" {
		return false
	}
	signedIn := role != "anonymous"
	switch {
	case r.Path == "/agents":
		return role == "staff" || role == "admin" // the staff space, linked for staff only
	case signedIn && slices.Contains(visitorsOnly, r.Path):
		return false
	case r.Anonymous:
		return true
	case !signedIn:
		return false
	case r.Owner != "":
		return slices.Contains([]string{"counsellor", "employer", "applicant"}, role) // the members of an organisation
	}
	return len(r.Roles) == 0 || slices.Contains(r.Roles, domain.Role(role))
}

var hrefs = regexp.MustCompile(`href="(/[^"]*)"`)

// crawl follows v's links breadth first from the home page, gives read
// each HTML page it reads, and returns the routes it read a page of
// (anything but a refusal or "not found": the search page without its
// engine says so with a 503), and how many pages it read.
func crawl(t *testing.T, v *visitor, routes []web.Route, read func(link, body string)) (map[string]bool, int) {
	t.Helper()
	reached, tried, seen := map[string]bool{}, map[string]int{}, map[string]bool{"/": true}
	level := []string{"/"}
	pages := 0
	for depth := 0; depth <= clicks && len(level) > 0; depth++ {
		var next []string
		for _, link := range level {
			route := routeOf(routes, link)
			if route == "" || tried[route] >= 2 { // two examples of each page are enough
				continue
			}
			tried[route]++
			resp, body := v.get(t, link)
			pages++
			if slices.Contains([]int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound}, resp.StatusCode) {
				continue
			}
			reached[route] = true
			if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
				continue
			}
			read(link, body)
			for _, m := range hrefs.FindAllStringSubmatch(body, -1) {
				target, _, _ := strings.Cut(html.UnescapeString(m[1]), "#")
				// The language switch is left alone: each crawl reads one language.
				if target != "" && !strings.HasPrefix(target, "//") && !strings.Contains(target, "lang=") && !seen[target] {
					seen[target] = true
					next = append(next, target)
				}
			}
		}
		level = next
	}
	return reached, pages
}

// routeOf returns the GET route serving link, the most specific one
// (fewest parameters) when several match, or "" for none.
func routeOf(routes []web.Route, link string) string {
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	best, params := "", 0
	for _, r := range routes {
		if n, ok := matches(r.Path, u.Path); r.Method == http.MethodGet && ok && (best == "" || n < params) {
			best, params = r.Path, n
		}
	}
	return best
}

// matches says whether path is served by pattern, and with how many parameters.
func matches(pattern, path string) (int, bool) {
	if strings.HasSuffix(pattern, "*") {
		return 1, strings.HasPrefix(path, strings.TrimSuffix(pattern, "*"))
	}
	ps, parts := strings.Split(pattern, "/"), strings.Split(path, "/")
	if len(ps) != len(parts) {
		return 0, false
	}
	n := 0
	for i, p := range ps {
		switch {
		case strings.HasPrefix(p, ":") && parts[i] != "":
			n++
		case p != parts[i]:
			return 0, false
		}
	}
	return n, true
}
