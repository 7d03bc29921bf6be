package web_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"passerelle/app/store/storetest"
	"passerelle/app/web"
)

// testPublication is what every fixture's legal pages say.
var testPublication = web.Publication{Publisher: "Département des Hauts-de-Seine",
	PublisherAddress: "2-16 boulevard Soufflot, 92015 Nanterre Cedex", Director: "Directrice de test",
	ContactEmail: "accessibilite@test.fr", Host: "Hébergeur de test SAS", HostAddress: "1 rue du Serveur, 75000 Paris",
	AccessibilityStatus: "none", StatementDate: time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)}

// TestPublicServicePages reads the accessibility statement and the legal
// notice in both languages: what the configuration says, the RGAA form's
// parts, and the footer's links on every kind of page, errors included.
func TestPublicServicePages(t *testing.T) {
	f := newEmptyFixture(t, storetest.Open(t), func(*web.Deps) {})
	for _, c := range []struct {
		locale          string
		statement, hint []string
	}{
		{"fr", []string{"non conforme", "Aucun audit de conformité", "axe-core", "360 × 740",
			"Défenseur des droits", "Libre réponse 71120", "5 décembre 2026", "Les documents PDF"},
			[]string{"Mentions légales", "Plan du site", "Accessibilité : non conforme", "strictement nécessaires"}},
		{"en", []string{"not compliant", "No compliance audit", "axe-core", "360 × 740",
			"Défenseur des droits", "Libre réponse 71120", "December 5, 2026", "The PDF documents"},
			[]string{"Legal notice", "Site map", "Accessibility: not compliant", "strictly necessary"}},
	} {
		v := f.visitor()
		v.cookies["lang"] = c.locale
		resp, statement := v.get(t, "/accessibilite")
		wantStatus(t, resp, http.StatusOK)
		for _, want := range append(c.statement, testPublication.Publisher, testPublication.ContactEmail, testPublication.PublisherAddress) {
			if !strings.Contains(statement, want) {
				t.Errorf("%s accessibility statement lacks %q", c.locale, want)
			}
		}
		_, notice := v.get(t, "/mentions-legales")
		for _, want := range append(c.hint, testPublication.Director, testPublication.Host, testPublication.HostAddress) {
			if !strings.Contains(notice, want) {
				t.Errorf("%s legal notice lacks %q", c.locale, want)
			}
		}
		for _, path := range []string{"/", "/connexion", "/plan-du-site", "/page-qui-n-existe-pas"} {
			_, body := v.get(t, path)
			footer := body[strings.Index(body, `<footer`):]
			for _, link := range []string{"/accessibilite", "/mentions-legales", "/confidentialite", "/plan-du-site"} {
				if !strings.Contains(footer, `href="`+link+`"`) {
					t.Errorf("%s %s: the footer has no link to %s", c.locale, path, link)
				}
			}
		}
	}
}

var sitemapLink = regexp.MustCompile(`<li><a href="(/[^"]*)">([^<]*)</a>`)

// TestSiteMapListsThePublicRoutes checks the site map against the route
// table: every public page without a parameter, named in both languages,
// and each one opens; nothing that needs signing in.
func TestSiteMapListsThePublicRoutes(t *testing.T) {
	f := newFixture(t)
	want := map[string]bool{}
	for _, r := range f.server.Routes() {
		if r.Method == http.MethodGet && r.Anonymous && !strings.ContainsAny(r.Path, ":*") && !strings.HasPrefix(r.Path, "/api/") &&
			!slices.Contains([]string{"/healthz", "/readyz", "/metrics", "/agents"}, r.Path) {
			want[r.Path] = true
		}
	}
	for _, locale := range []string{"fr", "en"} {
		v := f.visitor()
		v.cookies["lang"] = locale
		_, body := v.get(t, "/plan-du-site")
		body = body[strings.Index(body, "<main"):strings.Index(body, "</main>")]
		listed := map[string]bool{}
		for _, m := range sitemapLink.FindAllStringSubmatch(body, -1) {
			path, label := m[1], m[2]
			listed[path] = true
			if !want[path] {
				t.Errorf("%s site map lists %s, which is not a public page", locale, path)
			}
			if label == "" || strings.HasPrefix(label, "sitemap.") {
				t.Errorf("%s site map names %s %q", locale, path, label)
			}
			if locale == "fr" {
				// The search page says so with a 503 when the fixture has no engine.
				if resp, _ := f.visitor().get(t, path); resp.StatusCode != http.StatusOK && !(path == "/offres" && resp.StatusCode == http.StatusServiceUnavailable) {
					t.Errorf("site map link %s answers %d", path, resp.StatusCode)
				}
			}
		}
		for path := range want {
			if !listed[path] {
				t.Errorf("%s site map lacks the public page %s", locale, path)
			}
		}
		// A page sits under the page whose path begins its own.
		if !regexp.MustCompile(`href="/decouvrir">[^<]*</a><ul class="sitemap">\s*<li><a href="/decouvrir/`).MatchString(body) {
			t.Errorf("%s site map does not nest /decouvrir/… under /decouvrir", locale)
		}
	}
}

// TestLegalNoticeListsEveryCookieTheCodeSets reads the package's code for
// the cookies it sets (fiber.Cookie literals) and checks that the legal
// notice lists exactly those: the "strictly necessary cookies only"
// statement stays true when someone adds one.
func TestLegalNoticeListsEveryCookieTheCodeSets(t *testing.T) {
	set := cookiesSetByTheCode(t)
	if len(set) < 3 {
		t.Fatalf("found only the cookies %v in the code: the reading is broken", set)
	}
	f := newEmptyFixture(t, storetest.Open(t), func(d *web.Deps) { d.SessionTTL = 30 * 24 * time.Hour })
	_, body := f.visitor().get(t, "/mentions-legales")
	var listed []string
	for _, m := range regexp.MustCompile(`<tr><td><code>([^<]+)</code></td><td>([^<]+)</td><td>([^<]+)</td>`).FindAllStringSubmatch(body, -1) {
		listed = append(listed, m[1])
	}
	slices.Sort(listed)
	if !slices.Equal(listed, set) {
		t.Errorf("the legal notice lists the cookies %v, the code sets %v", listed, set)
	}
	if !strings.Contains(body, "30 jours") || !strings.Contains(body, "365 jours") || !strings.Contains(body, "1 min<") {
		t.Errorf("the legal notice does not give the cookies' lifetimes from the code:\n%s", body)
	}
}

// cookiesSetByTheCode returns the names of the fiber.Cookie literals of the
// package's non-test files, resolving the constants they are named by.
func cookiesSetByTheCode(t *testing.T) []string {
	t.Helper()
	fset := token.NewFileSet()
	paths, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	consts, names := map[string]string{}, map[string]bool{}
	var idents []string
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if i < len(n.Values) {
						if lit, ok := n.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							consts[name.Name], _ = strconv.Unquote(lit.Value)
						}
					}
				}
			case *ast.CompositeLit:
				if sel, ok := n.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "Cookie" {
					for _, e := range n.Elts {
						if kv, ok := e.(*ast.KeyValueExpr); ok && kv.Key.(*ast.Ident).Name == "Name" {
							switch v := kv.Value.(type) {
							case *ast.Ident:
								idents = append(idents, v.Name)
							case *ast.BasicLit:
								s, _ := strconv.Unquote(v.Value)
								names[s] = true
							default:
								t.Errorf("%s: a cookie named by an expression the test cannot read", fset.Position(kv.Pos()))
							}
						}
					}
				}
			}
			return true
		})
	}
	for _, id := range idents {
		if consts[id] == "" {
			t.Errorf("cookie name %s is not a string constant of the package", id)
		}
		names[consts[id]] = true
	}
	var out []string
	for n := range names {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}
