package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/i18n"
)

// weeksForm is the offer form with weeks chosen instead of dates: any day
// stands for its week, and empty fields are left out.
func weeksForm(days ...string) url.Values {
	form := offerForm("D1102")
	form.Set("type", "internship_3e")
	form.Set("places", "2")
	form.Set("schedule", "weeks")
	form.Set("start_date", "pas une date") // not read with weeks
	form["weeks"] = days
	return form
}

// An employer offers a 3e internship for weeks: the offer keeps their
// Mondays and derives its dates, the edit form shows them back, and the
// offer page lists them in French.
func TestOfferFormTakesWeeks(t *testing.T) {
	f := newFixture(t)
	p := f.programme(t)
	employer, ctx := p.employer.pageVisitor(), context.Background()
	_, body := employer.get(t, "/employeurs/offres/nouvelle")
	wantContains(t, body, `id="schedule-weeks"`, `<legend>Semaines proposées</legend>`, `id="weeks-5" name="weeks" type="date"`)

	resp, body := employer.post(t, "/employeurs/offres", weeksForm("2026-12-09", "", "2026-12-14", "2027-01-31"))
	wantStatus(t, resp, http.StatusSeeOther)
	id := strings.TrimPrefix(resp.Header.Get("Location"), "/employeurs/offres/")
	o, err := f.db.OfferByID(ctx, id)
	if err != nil || len(o.Weeks) != 3 {
		t.Fatalf("saved %+v (%v) %s", o, err, body)
	}
	day := func(m time.Month, d, y int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, i18n.Paris) }
	if !o.Weeks[2].Equal(day(1, 25, 2027)) || !o.StartDate.Equal(day(12, 7, 2026)) || !o.EndDate.Equal(day(1, 29, 2027)) {
		t.Errorf("weeks %v, dates %v – %v", o.Weeks, o.StartDate, o.EndDate)
	}
	_, body = employer.get(t, "/employeurs/offres/"+id+"/modifier")
	wantContains(t, body, `value="weeks" checked`, `id="weeks-0" name="weeks" type="date" value="2026-12-07"`,
		`value="2027-01-25"`)
	_, body = f.get(t, "/offres/"+id)
	wantContains(t, body, "<dt>Semaines</dt><dd>du 7 au 11 décembre 2026, du 14 au 18 décembre 2026, du 25 au 29 janvier 2027</dd>")

	edit := offerForm("D1102")
	edit.Set("type", "internship_3e")
	edit.Set("places", "2")
	edit.Set("schedule", "dates")
	edit["weeks"] = []string{"2026-12-07"} // left in the other fields
	resp, _ = employer.post(t, "/employeurs/offres/"+id+"/modifier", edit)
	wantStatus(t, resp, http.StatusSeeOther)
	if o, _ := f.db.OfferByID(ctx, id); len(o.Weeks) != 0 || !o.StartDate.Equal(day(12, 10, 2026)) {
		t.Errorf("back to dates: weeks %v, start %v", o.Weeks, o.StartDate)
	}
}

// Bad weeks get a French message next to the weeks and write nothing.
func TestOfferFormRefusesBadWeeks(t *testing.T) {
	f := newFixture(t)
	p := f.programme(t)
	employer, ctx := p.employer.pageVisitor(), context.Background()
	before, _ := f.db.Offers(ctx, domain.OfferFilter{OrganisationIDs: []string{"api-company"}})
	for name, c := range map[string]struct {
		days    []string
		message string
	}{
		"none":         {[]string{"", ""}, "Indiquez au moins une semaine"},
		"not a date":   {[]string{"lundi prochain"}, "date"},
		"one week":     {[]string{"2026-12-07", "2026-12-10"}, "Deux dates tombent dans la même semaine"},
		"a past week":  {[]string{"2026-11-16"}, "déjà passée"},
		"twenty-one":   {weekDays(21), "20 semaines au plus"},
		"twenty, fine": {weekDays(20), ""},
	} {
		resp, body := employer.post(t, "/employeurs/offres", weeksForm(c.days...))
		if c.message == "" {
			wantStatus(t, resp, http.StatusSeeOther)
			continue
		}
		if resp.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("%s: status %d", name, resp.StatusCode)
		}
		wantContains(t, body, `id="weeks-error"`, c.message, `value="weeks" checked`)
	}
	if after, _ := f.db.Offers(ctx, domain.OfferFilter{OrganisationIDs: []string{"api-company"}}); len(after) != len(before)+1 {
		t.Errorf("%d offers saved, want only the one with twenty weeks", len(after)-len(before))
	}
}

// weekDays gives n successive Mondays from December 7, 2026.
func weekDays(n int) []string {
	days := make([]string, n)
	for i := range days {
		days[i] = time.Date(2026, 12, 7+7*i, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
	}
	return days
}

// The API takes weeks as days of each week and answers with their Mondays.
func TestAPIOfferWithWeeks(t *testing.T) {
	f := newFixture(t)
	p := f.programme(t)
	body := f.offerBody("internship_3e")
	body["weeks"] = []string{"2026-12-18", "2026-12-07"}
	status, o := p.employer.call(t, "POST", "/api/v1/offers", body)
	if status != http.StatusCreated {
		t.Fatalf("create: %d %v", status, o)
	}
	weeks, _ := o["weeks"].([]any)
	if len(weeks) != 2 || !strings.HasPrefix(weeks[1].(string), "2026-12-14") || !strings.HasPrefix(o["end_date"].(string), "2026-12-18") {
		t.Errorf("weeks %v, end %v", o["weeks"], o["end_date"])
	}
	delete(body, "weeks")
	status, o = p.employer.call(t, "POST", "/api/v1/offers/"+o["id"].(string), body)
	if status != http.StatusOK || o["weeks"] != nil {
		t.Errorf("edit back to dates: %d, weeks %v", status, o["weeks"])
	}
}
