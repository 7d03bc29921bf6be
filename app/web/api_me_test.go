package web_test

import (
	"net/http"
	"testing"

	"passerelle/app/domain"
)

// A youth saves, lists and removes favourites through the API, idempotently;
// other roles get 403, an unknown offer 404, and a PUT without the
// anti-forgery header changes nothing.
func TestAPIFavourites(t *testing.T) {
	f := newFixture(t)
	offers := f.publishedOffers(t)
	youth := f.apiUser(t, "api-fav-youth", domain.RoleYouth)
	for range 2 {
		if status, body := youth.call(t, "PUT", "/api/v1/me/favourites/"+offers[0].ID, nil); status != http.StatusNoContent {
			t.Fatalf("save: %d %v", status, body)
		}
	}
	youth.call(t, "PUT", "/api/v1/me/favourites/"+offers[1].ID, nil)
	var seen []any
	for _, n := range []string{"1", "2"} {
		status, page := youth.call(t, "GET", "/api/v1/me/favourites?per_page=1&page="+n, nil)
		items, _ := page["items"].([]any)
		if status != http.StatusOK || page["total"] != 2.0 || len(items) != 1 {
			t.Fatalf("favourites page %s: %d %v", n, status, page)
		}
		seen = append(seen, items[0].(map[string]any)["id"])
	}
	if seen[0] == seen[1] || (seen[0] != offers[0].ID && seen[1] != offers[0].ID) {
		t.Errorf("the two pages show %v", seen)
	}
	var page map[string]any
	for range 2 {
		if status, _ := youth.call(t, "DELETE", "/api/v1/me/favourites/"+offers[1].ID, nil); status != http.StatusNoContent {
			t.Errorf("remove: %d", status)
		}
	}
	if _, page = youth.call(t, "GET", "/api/v1/me/favourites", nil); page["total"] != 1.0 {
		t.Errorf("after removal: %v", page)
	}
	status, problem := youth.call(t, "PUT", "/api/v1/me/favourites/inconnue", nil)
	wantFrench(t, status, problem, http.StatusNotFound, "")

	req, _ := http.NewRequest("PUT", "/api/v1/me/favourites/"+offers[1].ID, nil)
	req.AddCookie(&http.Cookie{Name: "p92_session", Value: youth.session})
	resp, err := youth.send(req)
	if err != nil || resp.StatusCode != http.StatusForbidden {
		t.Errorf("PUT without X-CSRF-Token: %v %v", resp.StatusCode, err)
	}
	if _, page = youth.call(t, "GET", "/api/v1/me/favourites", nil); page["total"] != 1.0 {
		t.Errorf("a forged PUT saved a favourite: %v", page)
	}
	for _, role := range []domain.Role{domain.RoleCounsellor, domain.RoleEmployer, domain.RoleStaff} {
		other := f.apiUser(t, "api-fav-"+string(role), role)
		if status, _ := other.call(t, "GET", "/api/v1/me/favourites", nil); status != http.StatusForbidden {
			t.Errorf("%s lists favourites: %d", role, status)
		}
		if status, _ := other.call(t, "PUT", "/api/v1/me/favourites/"+offers[0].ID, nil); status != http.StatusForbidden {
			t.Errorf("%s saves a favourite: %d", role, status)
		}
	}
}

// A counsellor lists the youths of their structures, with the applications
// of those who share them and no more than the page shows.
func TestAPIFollowedYouths(t *testing.T) {
	f := newFixture(t)
	f.followedStructures(t)
	counsellor := f.apiUser(t, "c-api", domain.RoleCounsellor, "lycee-suivi")
	status, page := counsellor.call(t, "GET", "/api/v1/me/youths", nil)
	items, _ := page["items"].([]any)
	if status != http.StatusOK || page["total"] != 2.0 || len(items) != 2 {
		t.Fatalf("youths: %d %v", status, page)
	}
	byName := map[string]map[string]any{}
	for _, it := range items {
		y := it.(map[string]any)
		byName[y["first_name"].(string)] = y
		for _, hidden := range []string{"id", "email", "birth_date", "guardian_email"} {
			if _, ok := y[hidden]; ok {
				t.Errorf("a youth shows %s: %v", hidden, y)
			}
		}
	}
	shared, _ := byName["Inès"]["applications"].([]any)
	private, _ := byName["Malik"]["applications"].([]any)
	if len(shared) != 1 || shared[0].(map[string]any)["offer_title"] != "Stage en boulangerie" || len(private) != 0 || byName["Zoé"] != nil {
		t.Errorf("shared %v, private %v, other structure %v", shared, private, byName["Zoé"])
	}
	if _, ok := shared[0].(map[string]any)["message"]; ok {
		t.Errorf("the counsellor reads the message to the employer")
	}
	if _, page = counsellor.call(t, "GET", "/api/v1/me/youths?per_page=1&page=2", nil); len(page["items"].([]any)) != 1 {
		t.Errorf("page 2 of 1: %v", page)
	}
	for _, role := range []domain.Role{domain.RoleYouth, domain.RoleEmployer, domain.RoleStaff} {
		other := f.apiUser(t, "api-youths-"+string(role), role, "lycee-suivi")
		if status, _ := other.call(t, "GET", "/api/v1/me/youths", nil); status != http.StatusForbidden {
			t.Errorf("%s lists a structure's youths: %d", role, status)
		}
	}
}
