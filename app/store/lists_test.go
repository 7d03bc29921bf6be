package store_test

import (
	"context"
	"testing"
	"time"

	"passerelle/app/domain"
)

// A page is read in the store, in the list's order, with the whole list's
// total; a page past the end is empty, or the last one when asked; an empty
// list of organisations matches nothing, where no list matches any.
func TestBookingsPageByOrganisations(t *testing.T) {
	ctx := context.Background()
	offer, at := newID("page-offer"), time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	orgA, orgB := newID("page-org"), newID("page-org")
	var ids []string
	for i, org := range []string{orgA, orgB, orgA, orgA} {
		b := domain.Booking{ID: newID("page-booking"), OfferID: offer, OrganisationID: org, SessionID: offer,
			Status: domain.BookingConfirmed, CreatedAt: at.Add(time.Duration(i) * time.Hour)}
		if err := testDB.InsertBooking(ctx, &b); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, b.ID)
	}
	mine := domain.BookingFilter{OfferID: offer, OrganisationIDs: []string{orgA}}
	p, err := testDB.BookingsPage(ctx, mine, domain.PageRequest{Number: 2, Size: 2})
	if err != nil || p.Total != 3 || len(p.Items) != 1 || p.Items[0].ID != ids[3] || p.Page != 2 {
		t.Fatalf("second page of org A's bookings, oldest first: %+v, %v", p, err)
	}
	if p, _ := testDB.BookingsPage(ctx, mine, domain.PageRequest{Number: 9, Size: 2}); len(p.Items) != 0 || p.Page != 9 {
		t.Errorf("a page past the end: %+v", p)
	}
	last := domain.PageRequest{Number: 9, Size: 2, LastWhenPast: true}
	if p, _ := testDB.BookingsPage(ctx, mine, last); len(p.Items) != 1 || p.Page != 2 {
		t.Errorf("the last page asked past the end: %+v", p)
	}
	none := domain.BookingFilter{OfferID: offer, OrganisationIDs: []string{}}
	if p, _ := testDB.BookingsPage(ctx, none, domain.PageRequest{Number: 1, Size: 10}); p.Total != 0 {
		t.Errorf("no organisation sees %+v", p)
	}
	newest := domain.BookingFilter{OfferID: offer, NewestFirst: true}
	if p, _ := testDB.BookingsPage(ctx, newest, domain.PageRequest{Number: 1, Size: 10}); p.Total != 4 || p.Items[0].ID != ids[3] {
		t.Errorf("every booking of the offer, newest first: %+v", p)
	}
}
