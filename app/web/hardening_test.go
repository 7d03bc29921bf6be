package web_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"passerelle/app/domain"
	"passerelle/app/store/storetest"
	"passerelle/app/web"
)

// gzipBomb is 100 MB of zeros, gzipped to about 100 KB.
func gzipBomb(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	z, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zeros := make([]byte, 1<<20)
	for range 100 {
		_, _ = z.Write(zeros)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A compressed request body is refused before anything reads it: a small
// body that inflates to 100 MB must not cost the server 100 MB, on a form,
// the API or a path that does not exist, anonymous and with the form's token.
func TestEncodedBodiesAreRefusedBeforeTheyAreInflated(t *testing.T) {
	f := newFixture(t)
	bomb := gzipBomb(t)
	binding := strings.Repeat("a", 32)
	multipartType := "multipart/form-data; boundary=" + strings.Repeat("x", 20)
	var sent int
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for _, path := range []string{"/connexion", "/api/v1/bookings", "/nulle-part"} {
		for _, contentType := range []string{"application/x-www-form-urlencoded", multipartType, "application/json"} {
			req := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(bomb))
			req.Header.Set("Content-Type", contentType)
			req.Header.Set("Content-Encoding", "gzip")
			req.Header.Set("Accept", "text/html")
			req.Header.Set("X-CSRF-Token", csrfFor(binding))
			req.AddCookie(&http.Cookie{Name: "p92_csrf", Value: binding})
			resp, err := f.server.App().Test(req, testTimeout)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != http.StatusUnsupportedMediaType {
				t.Errorf("POST %s (%s, gzip): %d, want 415", path, contentType, resp.StatusCode)
			}
			if strings.HasPrefix(path, "/api/") && !strings.Contains(string(body), `"status":415`) ||
				!strings.HasPrefix(path, "/api/") && !strings.Contains(string(body), "compressé") {
				t.Errorf("POST %s: the refusal says %.200s", path, body)
			}
			sent++
		}
	}
	runtime.ReadMemStats(&after)
	// Each inflation allocates at least 100 MB; the requests themselves a few.
	grew := after.TotalAlloc - before.TotalAlloc
	if grew > 64<<20 {
		t.Errorf("%d requests of %d KB allocated %d MB", sent, len(bomb)>>10, grew>>20)
	}
	t.Logf("%d requests of %d KB allocated %.1f MB", sent, len(bomb)>>10, float64(grew)/(1<<20))
	for _, encoding := range []string{"deflate", "br", "gzip, identity", "x-unknown"} {
		req := httptest.NewRequest(http.MethodPost, "/api/v1/bookings", strings.NewReader("{}"))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Content-Encoding", encoding)
		resp, _ := f.server.App().Test(req, testTimeout)
		if resp.StatusCode != http.StatusUnsupportedMediaType {
			t.Errorf("Content-Encoding %q: %d, want 415", encoding, resp.StatusCode)
		}
	}
	req := httptest.NewRequest(http.MethodPost, "/api/v1/bookings", strings.NewReader("{}"))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Content-Encoding", "identity")
	if resp, _ := f.server.App().Test(req, testTimeout); resp.StatusCode == http.StatusUnsupportedMediaType {
		t.Error("an identity body is refused")
	}
}

var requestsLine = regexp.MustCompile(`(?m)^passerelle_http_requests_total\{method="([^"]*)",route="([^"]*)",status="(\d+)"\} (\d+)$`)

// Requests on one keep-alive connection reuse the server's buffers: the
// metrics must keep their own copy of every label, or /metrics breaks.
func TestMetricsStayValidAfterKeepAliveTraffic(t *testing.T) {
	f := newFixture(t)
	base := f.listen(t)
	client := &http.Client{Transport: &http.Transport{MaxConnsPerHost: 1, MaxIdleConnsPerHost: 1},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	defer client.CloseIdleConnections()
	binding := strings.Repeat("b", 32)
	send := func(method, path, body string) {
		req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if strings.HasPrefix(body, "_csrf=") {
			req.AddCookie(&http.Cookie{Name: "p92_csrf", Value: binding})
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	token := "_csrf=" + csrfFor(binding)
	for i := range 15 {
		send("POST", "/connexion", token+"&email=lea%40example.fr&password=x")
		send("GET", "/offres?q=boulangerie", "")
		send("POST", "/inscription", token+"&email=x%40example.fr&name=L&role=youth&password=y")
		send("POST", "/connexion", "email=sans-jeton%40example.fr")
		send("GET", "/confidentialite", "")
		send("GET", fmt.Sprintf("/nulle-part-%d/plus-loin", i), "")
		send("DELETE", "/compte", "")
		send("HEAD", "/", "")
		send("PUT", fmt.Sprintf("/api/v1/me/favourites/offre-%d", i), "")
	}
	resp, err := client.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("/metrics: %d\n%.500s", resp.StatusCode, raw)
	}
	routes := map[string]bool{"unrouted": true}
	for _, r := range f.server.App().GetRoutes(true) {
		routes[r.Path] = true
	}
	lines := requestsLine.FindAllStringSubmatch(string(raw), -1)
	if len(lines) == 0 {
		t.Fatal("no request counted")
	}
	counted := map[string]int{} // by method and route, whatever the status
	for _, l := range lines {
		if !slices.Contains([]string{"GET", "HEAD", "POST", "PUT", "DELETE"}, l[1]) || !routes[l[2]] {
			t.Errorf("unknown labels: %s", l[0])
		}
		n, _ := strconv.Atoi(l[4])
		counted[l[1]+" "+l[2]] += n
	}
	for key, want := range map[string]int{"POST /connexion": 15, "POST /inscription": 15, "GET /offres": 15,
		"GET /confidentialite": 15, "HEAD /": 15, "GET unrouted": 15, "POST unrouted": 15, "DELETE unrouted": 15} {
		if counted[key] != want {
			t.Errorf("%s counted %d times, want %d (all: %v)", key, counted[key], want, counted)
		}
	}
}

// safeLocation is a Location that a browser resolves on this site.
func safeLocation(loc string) bool {
	u, err := url.Parse(loc)
	return err == nil && strings.HasPrefix(loc, "/") && !strings.HasPrefix(loc, "//") &&
		!strings.HasPrefix(loc, `/\`) && u.Host == "" && u.Scheme == "" && !strings.ContainsAny(loc, "\t\r\n")
}

// rawGet sends a request line as typed, which an HTTP client would rewrite.
func rawGet(t *testing.T, base, target string) *http.Response {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: passerelle.test\r\nConnection: close\r\n\r\n", target)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp
}

// The language switch and the sign-in's "come back to" address only ever
// send the browser to a page of this site.
func TestRedirectsStayOnTheSite(t *testing.T) {
	f := newFixture(t)
	base := f.listen(t)
	for _, target := range []string{"//evil.example/?lang=en", `/\evil.example/?lang=en`, `/\\evil.example/?lang=en`,
		"/%2F%2Fevil.example/?lang=en", "/%5Cevil.example/?lang=en", "///evil.example/?lang=en",
		"/offres?lang=en&q=boulangerie"} {
		resp := rawGet(t, base, target)
		if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || !safeLocation(loc) {
			t.Errorf("GET %s: %d Location %q", target, resp.StatusCode, loc)
		}
	}
	if resp := rawGet(t, base, "/offres?lang=en&q=boulangerie"); resp.Header.Get("Location") != "/offres?q=boulangerie" {
		t.Errorf("the switch loses the page: %s", resp.Header.Get("Location"))
	}

	nextField := regexp.MustCompile(`name="suite" value="([^"]*)"`)
	for _, next := range []string{"//evil.example", `/\evil.example`, `\\evil.example`, "http://evil.example",
		"https:evil.example", "/\t/evil.example", "%2F%2Fevil.example", "javascript:alert(1)", "/\r\n/evil.example"} {
		_, body := f.get(t, "/connexion?suite="+url.QueryEscape(next))
		m := nextField.FindStringSubmatch(body)
		if m == nil {
			t.Fatal("no suite field on the sign-in page")
		}
		// Nothing kept means the role's own space after signing in.
		if got := strings.ReplaceAll(m[1], "&#39;", "'"); got != "" && !safeLocation(got) {
			t.Errorf("suite %q kept as %q", next, got)
		}
	}
	v := f.signUp(t, "lea@example.fr", "youth")
	v.post(t, "/deconnexion", url.Values{})
	v.get(t, "/connexion")
	resp, _ := v.post(t, "/connexion", url.Values{"email": {"lea@example.fr"}, "password": {testPassword},
		"suite": {"/\t/evil.example/"}})
	if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || !safeLocation(loc) {
		t.Errorf("sign-in sends to %q", loc)
	}
}

const formula = `=HYPERLINK("http://x";"Voir")`

// Every CSV export writes a cell that a spreadsheet would run as a formula
// as text: a leading apostrophe. The XLSX exports keep the text as it is.
func TestCSVExportsNeutraliseFormulas(t *testing.T) {
	f := newFixture(t)
	p := f.programme(t)
	ctx := context.Background()
	session := p.sessions(t, f, 1, 20)[0]
	b := domain.Booking{ID: "booking-formula", OfferID: p.offerID, SessionID: session, OrganisationID: "api-school",
		CounsellorID: "api-cpe", CounsellorName: "-2+3", GroupName: formula, GroupLevel: "@SUM(A1:A9)", Seats: 12,
		Status: domain.BookingConfirmed, CreatedAt: f.now}
	if err := f.db.InsertBooking(ctx, &b); err != nil {
		t.Fatal(err)
	}
	resp, body := p.staff.pageVisitor().get(t, "/exports/reservations/csv")
	wantStatus(t, resp, http.StatusOK)
	wantContains(t, body, `;"'=HYPERLINK(""http://x"";""Voir"")";'@SUM(A1:A9);12;`, ";'-2+3;")
	if strings.Contains(body, `;"=HYPERLINK`) {
		t.Errorf("a formula is exported raw:\n%s", body)
	}
	resp, raw := p.staff.pageVisitor().get(t, "/exports/reservations/xlsx")
	wantStatus(t, resp, http.StatusOK)
	book, err := excelize.OpenReader(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if rows, _ := book.GetRows(book.GetSheetName(0)); !slices.ContainsFunc(rows, func(r []string) bool { return slices.Contains(r, formula) }) {
		t.Errorf("the XLSX export changed the group name: %v", rows)
	}

	call := f.demoCall(t)
	g := domain.GrantApplication{ID: "file-formula", CallID: call.ID, OrganisationID: "org-x", CreatedBy: "someone",
		State: domain.GrantSubmitted, EditorIDs: []string{}, Attachments: []domain.Attachment{}, History: []domain.StateChange{},
		Content: domain.GrantContent{Identity: domain.Identity{Name: "+33 1 23 45 67 89"}, Project: domain.Project{Title: formula}}}
	if err := f.db.InsertGrant(ctx, g); err != nil {
		t.Fatal(err)
	}
	staff := f.staffVisitor(t)
	resp, body = staff.get(t, "/agents/progress/appels/"+call.ID+"/exports/dossiers.csv")
	wantStatus(t, resp, http.StatusOK)
	wantContains(t, body, `file-formula;'+33 1 23 45 67 89;"'=HYPERLINK(""http://x"";""Voir"")";submitted`)
}

// A page number that is no page (too large for any list, negative, not a
// number) and a page size out of range are refused with a message, in the
// API and on the pages, never with a crash.
func TestBadPageNumbersAreRefused(t *testing.T) {
	f := newFixture(t)
	p := f.programme(t)
	api := map[*apiUser][]string{
		p.employer:   {"/api/v1/offers?organisation_id=api-company", "/api/v1/offers/" + p.offerID + "/sessions", "/api/v1/bookings", "/api/v1/applications"},
		p.youth:      {"/api/v1/me/favourites", "/api/v1/applications"},
		p.counsellor: {"/api/v1/bookings"},
	}
	bad := []string{"page=99999999999999999999", "page=9223372036854775807", "page=-1", "page=0", "page=deux",
		"per_page=99999999999999999999", "per_page=0", "per_page=-5", "per_page=1000", "per_page=vingt"}
	for u, paths := range api {
		for _, path := range paths {
			for _, query := range bad {
				status, body := u.call(t, "GET", path+sep(path)+query, nil)
				field, _, _ := strings.Cut(query, "=")
				wantFrench(t, status, body, http.StatusUnprocessableEntity, field)
			}
			if status, body := u.call(t, "GET", path+sep(path)+"page=2&per_page=100", nil); status != http.StatusOK {
				t.Errorf("GET %s page 2: %d %v", path, status, body)
			}
		}
	}
	pages := map[*visitor][]string{
		p.employer.pageVisitor():   {"/employeurs/offres", "/employeurs/offres/" + p.offerID},
		f.staffVisitor(t):          {"/agents/personnes", "/agents/organisations", "/agents/moderation", "/agents/reservations"},
		p.youth.pageVisitor():      {"/jeunes/candidatures", "/jeunes?page_favoris=99999999999999999999&"},
		p.counsellor.pageVisitor(): {"/etablissements/reservations"},
		f.visitor():                {"/offres"},
	}
	for v, paths := range pages {
		for _, path := range paths {
			if !strings.Contains(path, "?") {
				path += "?page=99999999999999999999"
			}
			resp, body := v.get(t, path)
			if resp.StatusCode != http.StatusUnprocessableEntity && resp.StatusCode != http.StatusBadRequest {
				t.Errorf("GET %s: %d, want a refusal", path, resp.StatusCode)
			}
			if !strings.Contains(mainOf(body), "page") {
				t.Errorf("GET %s: the refusal says %.300s", path, mainOf(body))
			}
		}
	}
}

// sep is what joins a query parameter to path.
func sep(path string) string {
	if strings.Contains(path, "?") {
		return "&"
	}
	return "?"
}

// The anti-forgery token travels in the form or a header: one in a link's
// query string (which leaks into logs and Referer headers) is not taken.
func TestCSRFTokenIsNotTakenFromTheQuery(t *testing.T) {
	f := newFixture(t)
	offers := f.publishedOffers(t)
	youth := f.signedInUser(t, "csrf-youth", domain.RoleYouth)
	youth.get(t, "/offres/"+offers[0].ID)
	path := "/offres/" + offers[0].ID + "/favori"
	req := httptest.NewRequest(http.MethodPost, path+"?_csrf="+youth.csrf, strings.NewReader(""))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, _ := youth.do(t, req)
	wantStatus(t, resp, http.StatusForbidden)
	resp, _ = youth.post(t, path, url.Values{})
	wantStatus(t, resp, http.StatusSeeOther)
}

// routeTable walks the GET routes of the server with a role allowed on each
// (anonymous for public routes), on ids that exist nowhere.
func routeTable(t *testing.T, visit func(path string, public bool, resp *http.Response, body string)) {
	f := newEmptyFixture(t, storetest.Open(t), func(*web.Deps) {})
	users := roleUsers(t, f)
	for _, r := range f.server.Routes() {
		if r.Method != http.MethodGet {
			continue
		}
		role := "anonymous"
		switch {
		case len(r.Roles) > 0:
			role = string(r.Roles[0])
		case !r.Anonymous:
			role = "staff"
		}
		resp := users[role].request(t, f, http.MethodGet, concrete(r.Path))
		visit(r.Path, r.Anonymous, resp, "")
	}
}

// Private answers are never kept by a browser or a proxy: shared computers
// in schools and CIO. Only the checksummed static files and the public
// suggestions of place and job names may be cached.
func TestPrivateResponsesAreNotCacheable(t *testing.T) {
	checked := 0
	routeTable(t, func(path string, public bool, resp *http.Response, _ string) {
		if path == "/static/*" || path == "/api/v1/suggest" {
			return
		}
		if cc := resp.Header.Get("Cache-Control"); !strings.Contains(cc, "no-store") {
			t.Errorf("GET %s (public %v): %d Cache-Control %q", path, public, resp.StatusCode, cc)
		}
		checked++
	})
	f, _ := newSearchFixture(t)
	p := f.programme(t)
	for _, path := range []string{"/compte", "/compte/donnees", "/exports/offres/csv", "/api/v1/offers?organisation_id=api-company"} {
		resp, _ := p.employer.pageVisitor().get(t, path)
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Cache-Control") != "no-store" ||
			resp.Header.Get("Pragma") != "no-cache" {
			t.Errorf("GET %s: %d Cache-Control %q Pragma %q", path, resp.StatusCode, resp.Header.Get("Cache-Control"),
				resp.Header.Get("Pragma"))
		}
	}
	for _, path := range []string{"/api/v1/suggest?q=nan", "/api/v1/suggest?q=nan&kind=rome"} {
		resp, _ := f.get(t, path)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Cache-Control"), "public") {
			t.Errorf("GET %s: %d Cache-Control %q", path, resp.StatusCode, resp.Header.Get("Cache-Control"))
		}
	}
	t.Logf("%d routes checked", checked)
}

// HEAD answers like GET, without the body, on every GET route.
func TestHeadAnswersEveryGetRoute(t *testing.T) {
	f := newEmptyFixture(t, storetest.Open(t), func(*web.Deps) {})
	staff := roleUsers(t, f)["staff"]
	checked := 0
	for _, r := range f.server.App().GetRoutes(true) {
		if r.Method != http.MethodGet {
			continue
		}
		path := concrete(r.Path)
		get := staff.request(t, f, http.MethodGet, path)
		head := staff.request(t, f, http.MethodHead, path)
		body, _ := io.ReadAll(head.Body)
		if head.StatusCode != get.StatusCode || head.Header.Get("Content-Type") != get.Header.Get("Content-Type") ||
			len(body) != 0 {
			t.Errorf("HEAD %s: %d %q and %d bytes; GET: %d %q", path, head.StatusCode, head.Header.Get("Content-Type"),
				len(body), get.StatusCode, get.Header.Get("Content-Type"))
		}
		checked++
	}
	for _, path := range []string{"/healthz", "/readyz", "/", "/offres"} {
		resp, _ := f.get(t, path) // as a load balancer or a link checker
		req := httptest.NewRequest(http.MethodHead, path, nil)
		head, err := f.server.App().Test(req, testTimeout)
		if err != nil {
			t.Fatal(err)
		}
		if head.StatusCode != resp.StatusCode || head.StatusCode == http.StatusMethodNotAllowed {
			t.Errorf("anonymous HEAD %s: %d, GET %d", path, head.StatusCode, resp.StatusCode)
		}
	}
	t.Logf("%d GET routes checked", checked)
}

// A file's name comes back as it was uploaded, accents included (RFC 6266),
// with an ASCII name for old clients; a long name is stored shortened.
func TestDownloadNamesKeepTheirAccents(t *testing.T) {
	f := newFixture(t)
	f.association(t, "asso-names")
	call := f.demoCall(t)
	alice := f.signedInUser(t, "alice-names", domain.RoleApplicant, "asso-names")
	alice.get(t, "/progress/appels/"+call.ID)
	resp, _ := alice.post(t, "/progress/appels/"+call.ID+"/candidature", url.Values{"organisation": {"asso-names"}})
	file := strings.TrimSuffix(resp.Header.Get("Location"), "/etapes/identite")
	alice.get(t, file+"/etapes/pieces")
	long := strings.Repeat("très long nom ", 30) + "final.pdf"
	for _, name := range []string{"Relevé d'identité bancaire.pdf", long} {
		resp, _ = alice.upload(t, file+"/etapes/pieces", "bank_details", name, []byte("%PDF-1.4\n%%EOF\n"))
		wantStatus(t, resp, http.StatusSeeOther)
	}
	id := strings.TrimPrefix(file, "/progress/dossiers/")
	g, err := f.db.GrantByID(context.Background(), id)
	if err != nil || len(g.Attachments) != 2 {
		t.Fatalf("attachments: %v %v", g, err)
	}
	for _, a := range g.Attachments {
		if len([]rune(a.Name)) > 120 || !strings.HasSuffix(a.Name, ".pdf") {
			t.Errorf("stored name %q (%d characters)", a.Name, len([]rune(a.Name)))
		}
	}
	resp, _ = alice.get(t, file+"/pieces/"+g.Attachments[0].ID)
	wantStatus(t, resp, http.StatusOK)
	want := `attachment; filename="Releve d'identite bancaire.pdf"; filename*=UTF-8''Relev%C3%A9%20d%27identit%C3%A9%20bancaire.pdf`
	if got := resp.Header.Get("Content-Disposition"); got != want {
		t.Errorf("Content-Disposition\n got %s\nwant %s", got, want)
	}
	resp, _ = alice.get(t, file+"/pieces/"+g.Attachments[1].ID)
	if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, "tres.pdf\"; filename*=UTF-8''tr%C3%A8s%20long") {
		t.Errorf("long name: %s", cd)
	}
}
