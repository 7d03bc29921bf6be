package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"testing"

	"passerelle/app/discover"
	"passerelle/app/domain"
)

// roundTrips requests path as v and returns the database commands the
// request cost, as /metrics exports them for route.
func (v *visitor) roundTrips(t *testing.T, route, path string) int {
	t.Helper()
	before := exportedRoundTrips(t, v.f, route)
	resp, _ := v.get(t, path)
	wantStatus(t, resp, http.StatusOK)
	return exportedRoundTrips(t, v.f, route) - before
}

// exportedRoundTrips is the sum of the round trips /metrics exports for
// the GET requests of route.
func exportedRoundTrips(t *testing.T, f *fixture, route string) int {
	t.Helper()
	_, body := f.get(t, "/metrics")
	sum := regexp.MustCompile(`passerelle_http_request_db_round_trips_sum\{method="GET",route="` +
		regexp.QuoteMeta(route) + `"\} (\d+)`).FindStringSubmatch(body)
	if sum == nil {
		return 0
	}
	n, err := strconv.Atoi(sum[1])
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestDatabaseBudgetOfTheMainPages states how many database round trips the
// main pages cost once warm, so that a page that starts reading the
// database again fails here rather than under a crowd. Public data comes
// from the read models (none); a signed-in page pays 2 for its session (the
// session, then its user: sign-outs and role changes count at once) and one
// per kind of the person's own data, which stays read-your-writes.
func TestDatabaseBudgetOfTheMainPages(t *testing.T) {
	f := newFixture(t)
	offer := f.publishedOffers(t)[0]
	call := f.demoCall(t)
	anonymous := f.visitor()
	youth := f.searchingYouth(t, "budget-youth")
	youth.get(t, "/offres/"+offer.ID)
	youth.post(t, "/offres/"+offer.ID+"/favori", url.Values{})
	followed, err := f.db.VisibleYouths(context.Background())
	if err != nil || len(followed) == 0 || followed[0].StructureID == "" {
		t.Fatalf("no demo youth followed by a structure: %v", err)
	}
	counsellor := f.signedInUser(t, "budget-counsellor", domain.RoleCounsellor, followed[0].StructureID)
	employer := f.signedInUser(t, "budget-employer", domain.RoleEmployer, offer.OrganisationID)
	staff := f.staffVisitor(t)
	for _, c := range []struct {
		who         string
		v           *visitor
		route, path string
		budget      int
	}{
		{"anonymous", anonymous, "/", "/", 0},
		{"anonymous", anonymous, "/jeunes", "/jeunes", 0},
		{"anonymous", anonymous, "/etablissements", "/etablissements", 0},
		{"anonymous", anonymous, "/employeurs", "/employeurs", 0},
		{"anonymous", anonymous, "/progress", "/progress", 0},
		{"anonymous", anonymous, "/agents", "/agents", 0},
		{"anonymous", anonymous, "/offres/:id", "/offres/" + offer.ID, 0},
		{"anonymous", anonymous, "/decouvrir/:famille", "/decouvrir/" + discover.Families()[0].Slug, 0},
		{"anonymous", anonymous, "/decouvrir/ess", "/decouvrir/ess", 0},
		{"anonymous", anonymous, "/employeurs-du-92/:id", "/employeurs-du-92/" + offer.OrganisationID, 0},
		{"anonymous", anonymous, "/progress/appels/:id", "/progress/appels/" + call.ID, 0},
		{"anonymous", anonymous, "/progress/appels/:id/laureats", "/progress/appels/" + call.ID + "/laureats", 0},
		{"anonymous", anonymous, "/observatoire", "/observatoire", 0},
		{"anonymous", anonymous, "/observatoire", "/observatoire?commune=92050&annee=2026-2027", 0},
		{"anonymous", anonymous, "/observatoire/tableaux/:file", "/observatoire/tableaux/passerelle-types.csv", 0},
		{"anonymous", anonymous, "/api/v1/open-data/figures", "/api/v1/open-data/figures", 0},
		{"anonymous", anonymous, "/api/v1/open-data/offers", "/api/v1/open-data/offers", 0},
		// profile, favourites, their offers, saved searches
		{"youth", youth, "/jeunes", "/jeunes", 2 + 4},
		// is it a favourite; the profile and an application to it, to say whether they may apply
		{"youth", youth, "/offres/:id", "/offres/" + offer.ID, 2 + 3},
		{"youth", youth, "/compte/profil", "/compte/profil", 2 + 1}, // the profile; the structures are kept
		// organisations, a page of followed youths (count, page), their shared applications
		{"counsellor", counsellor, "/etablissements", "/etablissements", 2 + 4},
		{"employer", employer, "/employeurs", "/employeurs", 2 + 1}, // organisations
		// the offer, read as is for its owner; the visible youths are kept
		{"employer", employer, "/employeurs/offres/:id/candidats", "/employeurs/offres/" + offer.ID + "/candidats", 2 + 1},
		{"staff", staff, "/agents", "/agents", 2},
		// the lists read one page in the store: a count, then the page when it has items
		{"youth", youth, "/jeunes/candidatures", "/jeunes/candidatures", 2 + 2},
		{"counsellor", counsellor, "/etablissements/reservations", "/etablissements/reservations", 2 + 2},
		{"employer", employer, "/employeurs/offres", "/employeurs/offres", 2 + 3}, // and the organisations
		{"staff", staff, "/agents/moderation", "/agents/moderation", 2 + 2},
	} {
		c.v.roundTrips(t, c.route, c.path) // warms what the page keeps
		got := c.v.roundTrips(t, c.route, c.path)
		t.Logf("%s %s: %d round trips", c.who, c.path, got)
		if got > c.budget {
			t.Errorf("%s %s costs %d database round trips, over its budget of %d", c.who, c.path, got, c.budget)
		}
	}
}
