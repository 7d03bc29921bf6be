package main

import (
	"slices"
	"strings"
	"testing"
	"time"

	"passerelle/app/web/browsertest"
)

// employerEditsOffer opens the offer's edit form, lets the script fill the
// ROME suggestions, picks one and saves: the offer keeps the code.
func employerEditsOffer(t *testing.T, m *Main, b *browsertest.Browser, offerID string) {
	t.Helper()
	b.Visit(m.URL() + "/employeurs/offres/" + offerID + "/modifier")
	b.CheckPage()
	b.Fill("#rome_codes", "boulan")
	suggested := "#rome-suggestions option[value^='D1102 ']"
	for try := 0; try < 50 && b.Count(suggested) == 0; try++ {
		time.Sleep(100 * time.Millisecond) // the script waits for a pause in typing, then asks the server
	}
	if b.Count(suggested) == 0 {
		t.Fatalf("no ROME suggestion for %q", "boulan")
	}
	b.Choose("#rome_codes", b.Attr(suggested, "value"))
	b.Submit("form[action$='/modifier']")
	if o, err := m.DB.OfferByID(t.Context(), offerID); err != nil || !slices.Equal(o.ROMECodes, []string{"D1102"}) {
		t.Errorf("edited offer: %v %v", o, err)
	}
}

// staffSeesBookings opens the staff's list of bookings from their space.
func staffSeesBookings(t *testing.T, m *Main, b *browsertest.Browser, group string) {
	t.Helper()
	b.Visit(m.URL() + "/agents")
	b.Click("a[href='/agents/reservations']")
	b.CheckPage()
	if got := b.Text("main"); !strings.Contains(got, group) || !strings.Contains(got, "Places réservées") {
		t.Errorf("staff bookings: %q", got)
	}
}
