package web_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/passerelle"
	"passerelle/app/store"
	"passerelle/app/store/storetest"
	"passerelle/app/web"
	"passerelle/search"
	"passerelle/search/embedded"
)

// newSearchFixture is a server over the demo data with every published
// offer indexed in a real embedded engine. Indexing costs seconds under the
// race detector: the database and the index are built together once per
// test binary and each test gets a copy of both.
func newSearchFixture(t *testing.T, adjust ...func(*web.Deps)) (*fixture, *search.Counted) {
	t.Helper()
	db := storetest.OpenWith(t, "web-demo-indexed", func(ctx context.Context, db *store.DB) error {
		if err := loadDemo(ctx, db); err != nil {
			return err
		}
		files, err := indexFiles(ctx, db)
		demoIndex.keep(files)
		return err
	})
	dir := filepath.Join(t.TempDir(), "index")
	storetest.WriteFiles(t, dir, demoIndex.files())
	engine, err := embedded.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = engine.Close() })
	counted := search.Count(engine) // as app/wiring.go opens it
	return newEmptyFixture(t, db, func(d *web.Deps) {
		d.Search = counted
		for _, a := range adjust {
			a(d)
		}
	}), counted
}

// demoIndex keeps the files of the index built with the "web-demo-indexed"
// database: once per binary on the embedded database, for each test on a
// server (storetest.OpenWith), always from the same demo data.
var demoIndex indexTemplate

type indexTemplate struct {
	mu    sync.Mutex
	built map[string][]byte
}

func (it *indexTemplate) keep(files map[string][]byte) {
	it.mu.Lock()
	defer it.mu.Unlock()
	it.built = files
}

func (it *indexTemplate) files() map[string][]byte {
	it.mu.Lock()
	defer it.mu.Unlock()
	return it.built
}

// indexFiles indexes db's published offers in a new embedded engine and
// returns its files by path.
func indexFiles(ctx context.Context, db *store.DB) (map[string][]byte, error) {
	dir, err := os.MkdirTemp("", "web-index-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	engine, err := embedded.Open(dir)
	if err != nil {
		return nil, err
	}
	_, err = passerelle.NewIndexer(db, engine, slog.New(slog.DiscardHandler)).Reconcile(ctx, false)
	if closeErr := engine.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		return nil, err
	}
	return storetest.ReadFiles(dir)
}

func TestSearchPageFindsTypoNearACommuneSortedByDistance(t *testing.T) {
	f, _ := newSearchFixture(t)
	resp, body := f.get(t, "/offres?q=boulangre&near=92050&radius=20&sort=distance")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	wantContains(t, body, "<mark>boulanger</mark>·ère", " km</strong>", `value="92050" selected`, `value="boulangre"`)
	if strings.Contains(body, "Rien dans un rayon") {
		t.Error("a search with results was relaxed")
	}
}

func TestSearchPageRelaxesASearchThatFindsNothing(t *testing.T) {
	f, _ := newSearchFixture(t)
	_, body := f.get(t, "/offres?q=boulangerie&near=92002&radius=2&tension=informatique")
	wantContains(t, body, "Rien dans un rayon de 2 km : nous avons élargi la recherche à 50 km.",
		"Rien avec le filtre « Métiers en tension » : nous l'avons retiré.", "<mark>")
}

func TestSearchPaginationKeepsTheQuery(t *testing.T) {
	f, _ := newSearchFixture(t)
	_, body := f.get(t, "/offres?type=apprenticeship&age=17")
	wantContains(t, body, `href="/offres?age=17&page=2&type=apprenticeship"`, "Page 1 sur")
	_, body = f.get(t, "/offres?type=apprenticeship&age=17&page=2")
	wantContains(t, body, `href="/offres?age=17&type=apprenticeship" rel="prev"`, "Page 2 sur")
}

func TestSearchBadInputIsShownNextToTheField(t *testing.T) {
	f, _ := newSearchFixture(t)
	resp, body := f.get(t, "/offres?age=dix-sept")
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("status %d, want 422", resp.StatusCode)
	}
	wantContains(t, body, `id="age-error"`, "Indiquez un âge en années")
	resp, body = f.get(t, "/api/v1/search?sort=distance")
	var p struct {
		Status int
		Field  string
		Detail string
	}
	if err := json.Unmarshal([]byte(body), &p); err != nil || resp.StatusCode != 422 || p.Field != "sort" || p.Detail == "" {
		t.Errorf("API answered %d %s, want a problem on the sort field", resp.StatusCode, body)
	}
}

func TestSearchHighlightsMatches(t *testing.T) {
	f, _ := newSearchFixture(t)
	_, body := f.get(t, "/offres?q=boulangerie")
	wantContains(t, body, "<mark>Boulangerie</mark>")
}

func TestSearchAPI(t *testing.T) {
	f, _ := newSearchFixture(t)
	resp, body := f.get(t, "/api/v1/search?q=boulangerie&near=92050&sort=distance")
	var got struct {
		Total int
		Hits  []struct {
			ID, URL    string
			DistanceKm *float64 `json:"distance_km"`
		}
		Facets map[string][]struct {
			Value string
			Count int
		}
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("%d %s: %v", resp.StatusCode, body, err)
	}
	if got.Total == 0 || len(got.Hits) == 0 || got.Hits[0].DistanceKm == nil || len(got.Facets["type"]) == 0 {
		t.Fatalf("API answer %s", body)
	}
	for i := 1; i < len(got.Hits); i++ {
		if *got.Hits[i].DistanceKm < *got.Hits[i-1].DistanceKm {
			t.Errorf("hit %d is nearer than hit %d", i, i-1)
		}
	}
}

func TestSearchOutageSaysSoAndTheSiteWorks(t *testing.T) {
	f, engine := newSearchFixture(t)
	if err := engine.Close(); err != nil {
		t.Fatal(err)
	}
	resp, body := f.get(t, "/offres?q=boulanger")
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("status %d, want 503", resp.StatusCode)
	}
	wantContains(t, body, "La recherche est momentanément indisponible", `value="boulanger"`)
	if resp, _ := f.get(t, "/api/v1/search?q=boulanger"); resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("API status %d, want 503", resp.StatusCode)
	}
	if resp, _ := f.get(t, "/"); resp.StatusCode != http.StatusOK {
		t.Errorf("home page status %d during a search outage", resp.StatusCode)
	}
}

func TestSuggestCompletesJobsAndCommunes(t *testing.T) {
	f, _ := newSearchFixture(t)
	resp, body := f.get(t, "/api/v1/suggest?q=boulan")
	var got struct{ Jobs, Communes []string }
	if err := json.Unmarshal([]byte(body), &got); err != nil || resp.StatusCode != http.StatusOK || len(got.Jobs) == 0 {
		t.Fatalf("%d %s: %v", resp.StatusCode, body, err)
	}
	if _, body = f.get(t, "/api/v1/suggest?q=nanter"); !strings.Contains(body, "Nanterre") {
		t.Errorf("nanter suggests %s", body)
	}
}

type suggestion struct {
	Kind, Label, Note, URL string
	Offers                 int
}

func suggestions(t *testing.T, f *fixture, q string) []suggestion {
	t.Helper()
	_, body := f.get(t, "/api/v1/suggest?q="+url.QueryEscape(q))
	var got struct{ Suggestions []suggestion }
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatalf("%s: %v", body, err)
	}
	return got.Suggestions
}

// Every suggestion says how many offers it leads to, and leads to them: a
// job to a search that finds at least its offers, a commune to the commune
// filter; one without offers says so and leads to an alert.
func TestSuggestNeverLeadsSilentlyToNothing(t *testing.T) {
	f, _ := newSearchFixture(t)
	seen := map[string]bool{}
	for _, q := range []string{"boulan", "cuisto", "info", "nanter", "fleuri", "mécano", "gennev"} {
		list := suggestions(t, f, q)
		if len(list) == 0 {
			t.Errorf("%q suggests nothing", q)
		}
		for _, s := range list {
			seen[s.Kind] = true
			if s.Offers == 0 {
				if s.Note != "aucune offre pour l'instant — créer une alerte" || !strings.HasSuffix(s.URL, "#save-search-title") {
					t.Errorf("%q: %+v has no offer and does not say so", q, s)
				}
				continue
			}
			_, body := f.get(t, "/api/v1/search?"+strings.TrimPrefix(s.URL, "/offres?"))
			var res struct{ Total int }
			if err := json.Unmarshal([]byte(body), &res); err != nil || res.Total < s.Offers || !strings.Contains(s.Note, "offre") {
				t.Errorf("%q: %+v leads to %d offers (%v)", q, s, res.Total, err)
			}
			if s.Kind == "commune" && (!strings.HasPrefix(s.URL, "/offres?commune=") || res.Total != s.Offers) {
				t.Errorf("%q: commune %+v should set the commune filter and find its %d offers, found %d", q, s, s.Offers, res.Total)
			}
		}
	}
	if !seen["job"] || !seen["commune"] {
		t.Errorf("kinds suggested: %v", seen)
	}
	cuisto := suggestions(t, f, "cuisto")
	if len(cuisto) == 0 || cuisto[0].Kind != "job" || cuisto[0].Offers == 0 {
		t.Errorf("cuisto suggests %+v, want a cook's job with offers first", cuisto)
	}
}

// A slang word, a misspelt feminine job and a word beyond typo tolerance
// all reach offers; a search that finds nothing at all still offers next
// steps.
func TestSearchUnderstandsTheYouthsWords(t *testing.T) {
	f, _ := newSearchFixture(t)
	for _, q := range []string{"cuisto", "informatik", "patissiere", "boulangére", "mécano", "dev web", "stage de 3e"} {
		_, body := f.get(t, "/offres?q="+url.QueryEscape(q))
		wantContains(t, body, `<ol class="hits">`)
		if strings.Contains(body, "Votre recherche ne donnait aucun résultat") {
			t.Errorf("%q needed widening", q)
		}
	}
	_, body := f.get(t, "/offres?q=bouchair")
	wantContains(t, body, "Rien pour « bouchair » : voici les offres pour « boucher », le mot le plus proche.",
		`<ol class="hits">`, "Vouliez-vous dire", `href="/offres?q=boucher"`, "Et maintenant ?")
	youth := f.signedInUser(t, "youth-words", domain.RoleYouth)
	for range 2 { // the second time from the kept results, still each to their own
		_, body = f.get(t, "/offres?q=zzzz+qqqq")
		wantContains(t, body, "Et maintenant ?", `href="/offres?tension=informatique"`, "Créer une alerte",
			"Parlez-en à votre conseiller", `href="/connexion?suite=`)
		_, body = youth.get(t, "/offres?q=zzzz+qqqq")
		wantContains(t, body, "Et maintenant ?", `href="#save-search-title"`)
	}
}

// TestSearchResultsAreKeptUntilTheIndexChanges: the rendered results of a
// query are kept; this process's index write shows at once, another
// process's (a write that does not go through this process's engine)
// within store.SyncEvery; a signed-in youth's kept results come with
// their own save form.
func TestSearchResultsAreKeptUntilTheIndexChanges(t *testing.T) {
	now := fixtureNow
	f, engine := newSearchFixture(t, func(d *web.Deps) { d.Now = func() time.Time { return now } })
	ctx := context.Background()
	const query = "/offres?q=zythologie"
	offer := func(id, title string) search.Offer {
		return search.Offer{ID: id, Type: "job", Title: title, Description: "Zythologie et brassage.",
			OrganisationName: "Brasserie d'essai", CommuneCode: "92050", CommuneName: "Nanterre", Lat: 48.89, Lng: 2.2,
			AgeMin: 16, AgeMax: 25, StartDate: now.AddDate(0, 1, 0), PublishedAt: now}
	}
	youth := f.signedInUser(t, "youth-zytho", domain.RoleYouth)
	pages := func() (visitor, youths string) {
		_, visitor = f.get(t, query)
		_, youths = youth.get(t, query)
		if !strings.Contains(youths, `action="/offres/recherches?`) {
			t.Error("a youth's page has no save form")
		}
		return visitor, youths
	}
	if err := engine.Index(ctx, offer("offer-zytho-1", "Apprenti zythologue")); err != nil {
		t.Fatal(err)
	}
	if visitor, youths := pages(); !strings.Contains(visitor, "/offres/offer-zytho-1") || !strings.Contains(youths, "/offres/offer-zytho-1") {
		t.Fatal("the indexed offer is not found")
	}
	if err := engine.Engine.Index(ctx, offer("offer-zytho-2", "Caviste zythologue")); err != nil {
		t.Fatal(err)
	}
	if visitor, youths := pages(); strings.Contains(visitor, "/offres/offer-zytho-2") || strings.Contains(youths, "/offres/offer-zytho-2") {
		t.Fatal("the results were not kept: another process's write shows before store.SyncEvery")
	}
	now = now.Add(store.SyncEvery)
	if visitor, youths := pages(); !strings.Contains(visitor, "/offres/offer-zytho-2") || !strings.Contains(youths, "/offres/offer-zytho-2") {
		t.Fatalf("another process's write does not show after %s", store.SyncEvery)
	}
	if err := engine.Index(ctx, offer("offer-zytho-3", "Brasseur zythologue")); err != nil {
		t.Fatal(err)
	}
	if visitor, youths := pages(); !strings.Contains(visitor, "/offres/offer-zytho-3") || !strings.Contains(youths, "/offres/offer-zytho-3") {
		t.Error("this process's own index write does not show at once")
	}
}
