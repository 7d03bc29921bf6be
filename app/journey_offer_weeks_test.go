package main

import (
	"strings"
	"testing"

	"passerelle/app/domain"
	"passerelle/app/i18n"
	"passerelle/app/web/browsertest"
)

// employerOffersWeeks posts a 3e internship for two weeks, each given by any
// of its days in the date pickers: the desk lists the weeks, Monday to Friday.
func employerOffersWeeks(t *testing.T, m *Main, b *browsertest.Browser) {
	t.Helper()
	b.Visit(m.URL() + "/employeurs/offres/nouvelle")
	b.Choose("#type", "internship_3e")
	b.Fill("#title", "Stage d'observation au fournil")
	b.Choose("#description", "Une semaine pour découvrir le pétrin, le four et la vente.")
	b.Fill("#rome_codes", "D1102")
	b.Fill("#commune_code", "92050")
	b.ClickInPage("#schedule-weeks")
	first, second := day(3), day(6).AddDate(0, 0, 2)
	b.Choose("#weeks-0", first.Format("2006-01-02"))
	b.Choose("#weeks-1", second.Format("2006-01-02"))
	b.Fill("#places", "2")
	b.CheckPage()
	b.Submit("form[action='/employeurs/offres']")
	b.CheckPage()
	last := domain.WeekFriday(domain.WeekMonday(second))
	if got := b.Text("main"); !strings.Contains(got, "Semaines : du ") || !strings.Contains(got, i18n.Date("fr", last)) {
		t.Errorf("the desk of an offer by weeks shows %q", got)
	}
}
