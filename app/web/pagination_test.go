package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
)

// deskLinks finds the offers an employer's list links to.
var deskLinks = regexp.MustCompile(`href="/employeurs/offres/([^"/]+)"`)

func offerIDsOn(body string) []string {
	var ids []string
	for _, m := range deskLinks.FindAllStringSubmatch(body, -1) {
		if m[1] != "nouvelle" {
			ids = append(ids, m[1])
		}
	}
	return ids
}

// The employer's offers come 20 a page: page 2 shows the next ones, a page
// past the end shows the last page, and a page that is no number is refused.
func TestEmployerOffersArePaginated(t *testing.T) {
	f := newFixture(t)
	p := f.programme(t)
	offers := make([]domain.Offer, 45)
	for i := range offers {
		offers[i] = domain.Offer{ID: fmt.Sprintf("offre-page-%02d", i), OrganisationID: "api-company", Type: domain.OfferJob,
			Title: fmt.Sprintf("Offre %02d", i), Status: domain.OfferDraft, CreatedAt: f.now.Add(-time.Hour - time.Duration(i)*time.Minute)}
	}
	if err := f.db.InsertOffers(context.Background(), offers); err != nil {
		t.Fatal(err)
	}
	employer := p.employer.pageVisitor()
	pages := make([][]string, 4)
	for n := 1; n <= 3; n++ {
		resp, body := employer.get(t, fmt.Sprintf("/employeurs/offres?page=%d", n))
		wantStatus(t, resp, http.StatusOK)
		wantContains(t, body, fmt.Sprintf("Page %d sur 3", n), `<nav class="pager" aria-label="Pages de la liste">`)
		pages[n] = offerIDsOn(body)
	}
	if len(pages[1]) != 20 || len(pages[2]) != 20 || len(pages[3]) != 6 {
		t.Fatalf("pages of %d, %d and %d offers, want 20, 20 and 6", len(pages[1]), len(pages[2]), len(pages[3]))
	}
	if pages[2][0] != "offre-page-19" || slices.Contains(pages[1], pages[2][0]) {
		t.Errorf("page 2 starts with %s, want the 21st offer, offre-page-19", pages[2][0])
	}
	_, body := employer.get(t, "/employeurs/offres?page=2")
	wantContains(t, body, `href="/employeurs/offres" rel="prev">Page précédente`, `href="/employeurs/offres?page=3" rel="next">Page suivante`)
	resp, body := employer.get(t, "/employeurs/offres?page=99")
	wantStatus(t, resp, http.StatusOK)
	if got := offerIDsOn(body); !slices.Equal(got, pages[3]) {
		t.Errorf("page 99 shows %v, want the last page", got)
	}
	resp, body = employer.get(t, "/employeurs/offres?page=deux")
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, "Ce numéro de page n'existe pas")
}

// A short list has no pager; the desk pages its applications apart from its
// bookings, and its links come back to the section.
func TestDeskPagesItsApplications(t *testing.T) {
	f := newFixture(t)
	p := f.programme(t)
	employer, ctx := p.employer.pageVisitor(), context.Background()
	desk := "/employeurs/offres/" + p.offerID
	_, body := employer.get(t, desk)
	if strings.Contains(body, `class="pager"`) {
		t.Errorf("a desk with few applications shows a pager")
	}
	for i := range 21 {
		a := domain.Application{ID: fmt.Sprintf("cand-%02d", i), OfferID: p.offerID, OrganisationID: "api-company",
			YouthID: fmt.Sprintf("y-%02d", i), YouthName: fmt.Sprintf("Jeune %02d", i), Status: domain.ApplicationSent,
			CreatedAt: f.now.Add(-time.Duration(i) * time.Minute)}
		if err := f.db.InsertApplication(ctx, &a); err != nil {
			t.Fatal(err)
		}
	}
	_, body = employer.get(t, desk+"?page=2")
	wantContains(t, body, `aria-label="Pages des candidatures"`, "Page 2 sur 2", "Jeune 20", `href="`+desk+`#candidatures" rel="prev"`)
	if regexp.MustCompile(`>Jeune 0\d<`).MatchString(body) {
		t.Errorf("page 2 of the applications shows the first ones")
	}
}

// The back-office reads one page of people from the store, skipping the
// pages before it; the search and the page number travel together.
func TestStaffPeopleArePagedByTheStore(t *testing.T) {
	f := newFixture(t)
	users := make([]domain.User, 25)
	for i := range users {
		users[i] = domain.User{ID: fmt.Sprintf("pager-%02d", i), Email: fmt.Sprintf("pager-%02d@passerelle.test", i),
			Name: fmt.Sprintf("Personne %02d", i), Roles: []domain.Role{domain.RoleYouth}, CreatedAt: f.now.Add(-time.Duration(i) * time.Minute)}
	}
	if err := f.db.InsertUsers(context.Background(), users); err != nil {
		t.Fatal(err)
	}
	staff := f.apiUser(t, "staff-pager", domain.RoleStaff).pageVisitor()
	names := regexp.MustCompile(`<h2>Personne (\d\d)</h2>`)
	for query, want := range map[string][]string{
		"q=pager-":        {"00", "19"},
		"q=pager-&page=2": {"20", "24"},
		"q=pager-&page=9": {"20", "24"},
	} {
		_, body := staff.get(t, "/agents/personnes?"+query)
		found := names.FindAllStringSubmatch(body, -1)
		if len(found) == 0 || found[0][1] != want[0] || found[len(found)-1][1] != want[1] {
			t.Errorf("%s shows %v, want %s to %s", query, found, want[0], want[1])
		}
	}
	_, body := staff.get(t, "/agents/personnes?q=pager-")
	wantContains(t, body, "Page 1 sur 2", `href="/agents/personnes?page=2&q=pager-" rel="next"`)
	_, body = staff.get(t, "/agents/personnes?q=pager-&page=2")
	wantContains(t, body, `<input type="hidden" name="page" value="2">`)
	resp, _ := staff.post(t, "/agents/personnes/pager-22/suspension", url.Values{"q": {"pager-"}, "page": {"2"}, "suspend": {"1"}})
	if got := resp.Header.Get("Location"); got != "/agents/personnes?page=2&q=pager-" {
		t.Errorf("after a suspension from page 2, back to %q", got)
	}
}
