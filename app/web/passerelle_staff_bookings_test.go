package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// Staff list every group booking, by status, with the seats booked and the
// sessions to come; the page is linked from the staff space.
func TestStaffBookingsOverview(t *testing.T) {
	f := newFixture(t)
	p := f.programme(t)
	status, s := p.employer.call(t, "POST", "/api/v1/offers/"+p.offerID+"/sessions", f.sessionBody(30))
	if status != http.StatusCreated {
		t.Fatalf("add session: %d %v", status, s)
	}
	for _, b := range []map[string]any{
		{"session_id": s["id"], "structure_id": "api-school", "group_name": "3e A", "group_level": "3e", "seats": 24, "adults": 2},
		{"session_id": s["id"], "structure_id": "api-school", "group_name": "4e C", "group_level": "4e", "seats": 10, "adults": 1, "waitlist": true},
	} {
		if status, body := p.counsellor.call(t, "POST", "/api/v1/bookings", b); status >= 300 {
			t.Fatalf("book %v: %d %v", b["group_name"], status, body)
		}
	}
	staff := p.staff.pageVisitor()
	_, body := staff.get(t, "/agents")
	wantContains(t, body, `href="/agents/reservations"`)
	resp, body := staff.get(t, "/agents/reservations")
	wantStatus(t, resp, http.StatusOK)
	wantContains(t, body, "Places réservées : <strong>24</strong>", "Créneaux à venir réservés : <strong>1</strong>",
		"confirmée : <strong>1</strong>", "attente : <strong>1</strong>", "3e A", "4e C")
	_, body = staff.get(t, "/agents/reservations?status=waitlisted")
	wantContains(t, body, "4e C")
	if strings.Contains(body, "3e A") {
		t.Errorf("the waitlisted filter lists the confirmed group")
	}
	resp, body = staff.get(t, "/agents/reservations?status=lost")
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantContains(t, body, `id="status-error"`, "Choisissez un statut de la liste.")
	resp, _ = p.counsellor.pageVisitor().get(t, "/agents/reservations")
	wantStatus(t, resp, http.StatusForbidden)
}
