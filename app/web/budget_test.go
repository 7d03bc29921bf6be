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
	"passerelle/app/store/storetest"
	"passerelle/app/web"
)

// roundTrips requests path as v and returns the database commands the
// request cost, as /metrics exports them for route.
func (v *visitor) roundTrips(t *testing.T, route, path string) int {
	t.Helper()
	before := exportedRoundTrips(t, v.f, http.MethodGet, route)
	resp, _ := v.get(t, path)
	wantStatus(t, resp, http.StatusOK)
	return exportedRoundTrips(t, v.f, http.MethodGet, route) - before
}

// exportedRoundTrips is the sum of the round trips /metrics exports for
// the requests of route with method.
func exportedRoundTrips(t *testing.T, f *fixture, method, route string) int {
	t.Helper()
	_, body := f.get(t, "/metrics")
	sum := regexp.MustCompile(`passerelle_http_request_db_round_trips_sum\{method="` + method + `",route="` +
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
// from the read models (none). On the embedded database the store keeps the
// documents it read by _id, forgetting those a write changes (its document
// cache): a warm signed-in page pays nothing for its session (the session,
// then its user: sign-outs and role changes count at once) nor for the
// person's lists (their shelf, then the page's documents by _id), whatever
// the page's size; it pays for what it reads by another filter, and for a
// shelf not yet created (a missing document is never kept: an empty list
// costs one). MongoDB keeps no cache: there the budgets are those of each
// read (2 for the session, one per kind of the person's own data, the
// shelf and one `$in` for a list's page), stated as upper bounds.
func TestDatabaseBudgetOfTheMainPages(t *testing.T) {
	const page = 20 // a list's page, the bound of its reads by _id without the cache
	f := newFixture(t)
	offer := f.publishedOffers(t)[0]
	call := f.demoCall(t)
	anonymous := f.visitor()
	youth := f.searchingYouth(t, "budget-youth")
	youth.get(t, "/offres/"+offer.ID)
	youth.post(t, "/offres/"+offer.ID+"/favori", url.Values{})
	if resp, _ := youth.post(t, "/offres/recherches?q=boulangerie", url.Values{"name": {""}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("saving a search: %s", resp.Status)
	}
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
		cached      int // on the embedded database
		uncached    int // on MongoDB
	}{
		{"anonymous", anonymous, "/", "/", 0, 0},
		{"anonymous", anonymous, "/jeunes", "/jeunes", 0, 0},
		{"anonymous", anonymous, "/etablissements", "/etablissements", 0, 0},
		{"anonymous", anonymous, "/employeurs", "/employeurs", 0, 0},
		{"anonymous", anonymous, "/progress", "/progress", 0, 0},
		{"anonymous", anonymous, "/agents", "/agents", 0, 0},
		{"anonymous", anonymous, "/offres/:id", "/offres/" + offer.ID, 0, 0},
		{"anonymous", anonymous, "/decouvrir/:famille", "/decouvrir/" + discover.Families()[0].Slug, 0, 0},
		{"anonymous", anonymous, "/decouvrir/ess", "/decouvrir/ess", 0, 0},
		{"anonymous", anonymous, "/employeurs-du-92/:id", "/employeurs-du-92/" + offer.OrganisationID, 0, 0},
		{"anonymous", anonymous, "/progress/appels/:id", "/progress/appels/" + call.ID, 0, 0},
		{"anonymous", anonymous, "/progress/appels/:id/laureats", "/progress/appels/" + call.ID + "/laureats", 0, 0},
		{"anonymous", anonymous, "/observatoire", "/observatoire", 0, 0},
		{"anonymous", anonymous, "/observatoire", "/observatoire?commune=92050&annee=2026-2027", 0, 0},
		{"anonymous", anonymous, "/observatoire/tableaux/:file", "/observatoire/tableaux/passerelle-types.csv", 0, 0},
		{"anonymous", anonymous, "/api/v1/open-data/figures", "/api/v1/open-data/figures", 0, 0},
		{"anonymous", anonymous, "/api/v1/open-data/offers", "/api/v1/open-data/offers", 0, 0},
		// without the cache: the profile; the favourites' shelf, the page's favourites and their
		// offers (one each here); the saved searches' shelf and the searches (one here)
		{"youth", youth, "/jeunes", "/jeunes", 0, 2 + 1 + 3 + 2},
		// without the cache: an application to it, to say whether they may apply (none: kept as
		// missing), is it a favourite and the profile
		{"youth", youth, "/offres/:id", "/offres/" + offer.ID, 0, 2 + 3},
		{"youth", youth, "/compte/profil", "/compte/profil", 0, 2 + 1}, // the profile; the structures are kept
		// without the cache: organisations, the structure's shelf and a page of followed youths, the
		// shelves of those who share their applications and these applications
		{"counsellor", counsellor, "/etablissements", "/etablissements", 0, 2 + 1 + 1 + page + page + 2*page},
		{"employer", employer, "/employeurs", "/employeurs", 0, 2 + 1}, // organisations
		// the offer, read as is for its owner; the visible youths are kept
		{"employer", employer, "/employeurs/offres/:id/candidats", "/employeurs/offres/" + offer.ID + "/candidats", 0, 2 + 1},
		{"staff", staff, "/agents", "/agents", 0, 2},
		// the lists, without the cache: the person's shelf (not created yet: kept as missing), then
		// the page by _id
		{"youth", youth, "/jeunes/candidatures", "/jeunes/candidatures", 0, 2 + 1 + page},
		{"counsellor", counsellor, "/etablissements/reservations", "/etablissements/reservations", 0, 2 + 1 + page},
		// without the cache: the shelf of applications received (not created yet: kept as
		// missing), the offers' shelf and a page of them, the latest ten applications received
		{"employer", employer, "/employeurs/offres", "/employeurs/offres", 0, 2 + 1 + page + 1 + 10},
		// without the cache: the moderation queue's shelf and its page of pending offers
		{"staff", staff, "/agents/moderation", "/agents/moderation", 0, 2 + 1 + page},
		{"staff", staff, "/agents/organisations", "/agents/organisations", 0, 2}, // the list is kept
	} {
		c.v.roundTrips(t, c.route, c.path) // warms what the page keeps
		got := c.v.roundTrips(t, c.route, c.path)
		t.Logf("%s %s: %d round trips", c.who, c.path, got)
		budget := c.uncached
		if f.db.Embedded() {
			budget = c.cached
		}
		if got > budget {
			t.Errorf("%s %s costs %d database round trips, over its budget of %d", c.who, c.path, got, budget)
		}
	}
}

// TestDatabaseBudgetOfABooking states the round trips of a booking through
// the form, once the process has booked on the session and shelved for the
// counsellor (the first time, it reads the session's seats and the shelves'
// ends): the session (2); the visit session, its offer and the school (3);
// the seats, one conditional update; the shelves, one write; the booking,
// one insert; its audit entry. Joining the waitlist takes no seat. (This
// fixture's programme queues no email; with a notifier, a confirmation adds
// its two inserts, the email and its body.)
func TestDatabaseBudgetOfABooking(t *testing.T) {
	f := newEmptyFixture(t, storetest.Open(t), func(*web.Deps) {})
	p := f.programme(t)
	session := p.sessions(t, f, 1, 30)[0]
	counsellor := p.counsellor.pageVisitor()
	const route = "/visites/:id/reserver"
	book := func(key string, seats int) int {
		before := exportedRoundTrips(t, f, http.MethodPost, route)
		resp, _ := counsellor.post(t, "/visites/"+session+"/reserver", url.Values{"structure_id": {"api-school"},
			"group_name": {"3e " + key}, "group_level": {"3e"}, "seats": {strconv.Itoa(seats)}, "adults": {"2"},
			"request_key": {key}, "waitlist": {"on"}})
		wantStatus(t, resp, http.StatusSeeOther)
		return exportedRoundTrips(t, f, http.MethodPost, route) - before
	}
	book("A", 10)
	for _, c := range []struct {
		key           string
		seats, budget int
	}{{"B", 10, 2 + 3 + 1 + 1 + 1 + 1}, {"C", 20, 2 + 3 + 1 + 1 + 1}} {
		got := book(c.key, c.seats)
		t.Logf("booking %s of %d seats: %d round trips", c.key, c.seats, got)
		if got > c.budget {
			t.Errorf("booking %s of %d seats costs %d database round trips, over its budget of %d", c.key, c.seats, got, c.budget)
		}
	}
	bookings, err := f.db.Bookings(context.Background(), domain.BookingFilter{SessionID: session})
	if err != nil || len(bookings) != 3 || bookings[1].Status != domain.BookingConfirmed || bookings[2].Status != domain.BookingWaitlisted {
		t.Fatalf("the session's bookings: %+v, %v", bookings, err)
	}
}
