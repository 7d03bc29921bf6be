package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
)

// Bad input to every API call gets a 4xx with a French message naming the
// field when there is one, and writes nothing.
func TestPasserelleAPIRefusesBadInput(t *testing.T) {
	f := newFixture(t)
	p := f.programme(t)
	status, s := p.employer.call(t, "POST", "/api/v1/offers/"+p.offerID+"/sessions", f.sessionBody(30))
	if status != http.StatusCreated {
		t.Fatalf("add session: %d %v", status, s)
	}
	sessionID := s["id"].(string)
	other := f.apiUser(t, "api-other-emp", "employer", "other-company")
	messages := "/api/v1/applications/" + p.apply(t) + "/messages"
	offer := func(change func(b map[string]any)) map[string]any {
		b := f.offerBody("apprenticeship")
		change(b)
		return b
	}
	session := func(change func(b map[string]any)) map[string]any {
		b := f.sessionBody(30)
		change(b)
		return b
	}
	booking := func(change func(b map[string]any)) map[string]any {
		b := map[string]any{"session_id": sessionID, "structure_id": "api-school", "group_name": "3e A", "group_level": "3e", "seats": 10, "adults": 2}
		change(b)
		return b
	}
	cases := []struct {
		name   string
		user   *apiUser
		path   string
		body   any
		status int
		field  string
	}{
		{"offer without title", p.employer, "/api/v1/offers", offer(func(b map[string]any) { delete(b, "title") }), 422, "title"},
		{"offer with a text age", p.employer, "/api/v1/offers", offer(func(b map[string]any) { b["age_min"] = "seize" }), 422, "age_min"},
		{"apprenticeship from 14", p.employer, "/api/v1/offers", offer(func(b map[string]any) { b["age_min"], b["age_max"] = 14, 25 }), 422, "age_min"},
		{"age over 25", p.employer, "/api/v1/offers", offer(func(b map[string]any) { b["age_min"], b["age_max"] = 16, 30 }), 422, "age_max"},
		{"end before start", p.employer, "/api/v1/offers", offer(func(b map[string]any) { b["end_date"] = f.now.AddDate(0, 0, 1) }), 422, "end_date"},
		{"weeks in one week", p.employer, "/api/v1/offers", offer(func(b map[string]any) { b["weeks"] = []string{"2026-12-07", "2026-12-09"} }), 422, "weeks"},
		{"a week over", p.employer, "/api/v1/offers", offer(func(b map[string]any) { b["weeks"] = []string{"2026-11-02"} }), 422, "weeks"},
		{"a week that is no date", p.employer, "/api/v1/offers", offer(func(b map[string]any) { b["weeks"] = []string{"07/12/2026"} }), 422, "weeks"},
		{"too many weeks", p.employer, "/api/v1/offers", offer(func(b map[string]any) { b["weeks"] = weekDays(21) }), 422, "weeks"},
		{"unknown job", p.employer, "/api/v1/offers", offer(func(b map[string]any) { b["rome_codes"] = []string{"Z0000"} }), 422, "rome_codes"},
		{"unknown field", p.employer, "/api/v1/offers", offer(func(b map[string]any) { b["salary"] = 3 }), 422, ""},
		{"not JSON", p.employer, "/api/v1/offers", "{title:", 422, ""},
		{"foreign organisation", other, "/api/v1/offers", offer(func(b map[string]any) {}), 403, ""},
		{"foreign offer's session", other, "/api/v1/offers/" + p.offerID + "/sessions", session(func(b map[string]any) {}), 403, ""},
		{"session in the past", p.employer, "/api/v1/offers/" + p.offerID + "/sessions", session(func(b map[string]any) {
			b["starts_at"], b["ends_at"] = f.now.AddDate(0, 0, -1), f.now.AddDate(0, 0, -1).Add(2*time.Hour)
		}), 422, "starts_at"},
		{"group over capacity", p.employer, "/api/v1/offers/" + p.offerID + "/sessions", session(func(b map[string]any) { b["max_group"] = 31 }), 422, "max_group"},
		{"booking without group", p.counsellor, "/api/v1/bookings", booking(func(b map[string]any) { b["group_name"] = "" }), 422, "group_name"},
		{"booking of text seats", p.counsellor, "/api/v1/bookings", booking(func(b map[string]any) { b["seats"] = "dix" }), 422, "seats"},
		{"booking over the group bound", p.counsellor, "/api/v1/bookings", booking(func(b map[string]any) { b["seats"] = 31 }), 422, "seats"},
		{"booking for another school", p.counsellor, "/api/v1/bookings", booking(func(b map[string]any) { b["structure_id"] = "other-school" }), 403, ""},
		{"booking by an employer", p.employer, "/api/v1/bookings", booking(func(b map[string]any) {}), 403, ""},
		{"apply to a missing offer", p.youth, "/api/v1/offers/nope/applications", map[string]any{"message": "Bonjour"}, 404, ""},
		{"move a missing application", p.employer, "/api/v1/applications/nope/status", map[string]any{"status": "seen"}, 404, ""},
		{"reject without reason", p.staff, "/api/v1/offers/" + p.offerID + "/reject", map[string]any{"reason": ""}, 422, "reason"},
		{"empty message", p.youth, messages, map[string]any{"body": "  "}, 422, "body"},
		{"message over 2 000 characters", p.employer, messages, map[string]any{"body": strings.Repeat("é", 2001)}, 422, "body"},
		{"message as a number", p.employer, messages, map[string]any{"body": 3}, 422, "body"},
		{"message with an unknown field", p.youth, messages, map[string]any{"text": "Bonjour"}, 422, ""},
		{"message by staff", p.staff, messages, map[string]any{"body": "Bonjour"}, 403, ""},
		{"message by a foreign employer", other, messages, map[string]any{"body": "Bonjour"}, 403, ""},
		{"message to a missing application", p.employer, "/api/v1/applications/nope/messages", map[string]any{"body": "Bonjour"}, 404, ""},
	}
	ctx := context.Background()
	offersBefore, _ := f.db.Offers(ctx, domain.OfferFilter{OrganisationIDs: []string{"api-company"}})
	for _, c := range cases {
		status, body := c.user.call(t, "POST", c.path, c.body)
		if c.status == 403 || c.status == 404 {
			if status != c.status || body["detail"] == "" {
				t.Errorf("%s: %d %v, want %d", c.name, status, body, c.status)
			}
			continue
		}
		t.Run(c.name, func(t *testing.T) { wantFrench(t, status, body, c.status, c.field) })
	}
	offersAfter, _ := f.db.Offers(ctx, domain.OfferFilter{OrganisationIDs: []string{"api-company"}})
	sessions, _ := f.db.SessionsOfOffers(ctx, []string{p.offerID})
	bookings, _ := f.db.Bookings(ctx, domain.BookingFilter{SessionID: sessionID})
	if msgs, _ := f.db.ApplicationMessages(ctx, strings.Split(messages, "/")[4]); len(msgs) != 0 {
		t.Errorf("bad input wrote %d messages", len(msgs))
	}
	if len(offersAfter) != len(offersBefore) || len(sessions) != 1 || len(bookings) != 0 {
		t.Errorf("bad input wrote: %d offers (was %d), %d sessions, %d bookings", len(offersAfter), len(offersBefore), len(sessions), len(bookings))
	}
}
