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

// A person's list reads their shelf: every document they own, newest first,
// paged, as it is now (a booking moved shows its new status), with the
// documents of several organisations together; another's stay apart, and a
// retried insert lists its document once.
func TestPersonsListsReadTheirShelves(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 11, 3, 9, 0, 0, 0, time.UTC)
	counsellor, other, session := newID("shelf-counsellor"), newID("shelf-counsellor"), newID("shelf-session")
	var ids []string
	for i, who := range []string{counsellor, other, counsellor, counsellor} {
		// an idempotency key may hold dots and dollars
		b := domain.Booking{ID: newID("shelf-booking") + ".key$1", CounsellorID: who, SessionID: session, OfferID: "o",
			Status: domain.BookingConfirmed, CreatedAt: at.Add(time.Duration(i) * time.Hour)}
		if err := testDB.InsertBooking(ctx, &b); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, b.ID)
	}
	again := domain.Booking{ID: ids[0], CounsellorID: counsellor, CreatedAt: at}
	if err := testDB.InsertBooking(ctx, &again); domain.ErrorCode(err) != domain.ECONFLICT {
		t.Fatalf("a retried insert: %v", err)
	}
	if _, err := testDB.MoveBooking(ctx, ids[2], []domain.BookingStatus{domain.BookingConfirmed}, domain.BookingCancelled, domain.BookingChange{}); err != nil {
		t.Fatal(err)
	}
	mine := domain.BookingFilter{CounsellorID: counsellor, NewestFirst: true}
	p, err := testDB.BookingsPage(ctx, mine, domain.PageRequest{Number: 1, Size: 2})
	if err != nil || p.Total != 3 || len(p.Items) != 2 || p.Items[0].ID != ids[3] || p.Items[1].ID != ids[2] ||
		p.Items[1].Status != domain.BookingCancelled {
		t.Fatalf("first page of the counsellor's bookings, newest first: %+v, %v", p, err)
	}
	if p, _ := testDB.BookingsPage(ctx, mine, domain.PageRequest{Number: 2, Size: 2}); len(p.Items) != 1 || p.Items[0].ID != ids[0] {
		t.Errorf("second page: %+v", p)
	}
	if p, _ := testDB.BookingsPage(ctx, mine, domain.PageRequest{Number: 9, Size: 2, LastWhenPast: true}); p.Page != 2 || len(p.Items) != 1 {
		t.Errorf("the last page asked past the end: %+v", p)
	}
	waitlist, err := testDB.Bookings(ctx, domain.BookingFilter{SessionID: session})
	if err != nil || len(waitlist) != 4 || waitlist[0].ID != ids[0] || waitlist[1].ID != ids[1] || waitlist[3].ID != ids[3] {
		t.Errorf("the session's bookings, oldest first: %+v, %v", waitlist, err)
	}

	orgA, orgB, youth := newID("shelf-org"), newID("shelf-org"), newID("shelf-youth")
	var offers []string
	for i, org := range []string{orgA, orgB, orgA} {
		o := domain.Offer{ID: newID("shelf-offer"), OrganisationID: org, Title: "Visite", CreatedAt: at.Add(time.Duration(i) * time.Minute)}
		if err := testDB.InsertOffer(ctx, &o); err != nil {
			t.Fatal(err)
		}
		offers = append(offers, o.ID)
	}
	both, err := testDB.OffersPage(ctx, domain.OfferFilter{OrganisationIDs: []string{orgA, orgB}}, domain.PageRequest{Number: 1, Size: 10})
	if err != nil || both.Total != 3 || both.Items[0].ID != offers[2] || both.Items[2].ID != offers[0] {
		t.Errorf("the offers of two organisations, newest first: %+v, %v", both, err)
	}
	if none, _ := testDB.OffersPage(ctx, domain.OfferFilter{OrganisationIDs: []string{}}, domain.PageRequest{Number: 1, Size: 10}); none.Total != 0 {
		t.Errorf("no organisation has %+v", none)
	}
	a := domain.Application{ID: newID("shelf-application"), OfferID: offers[1], OrganisationID: orgB, YouthID: youth, CreatedAt: at}
	if err := testDB.InsertApplication(ctx, &a); err != nil {
		t.Fatal(err)
	}
	for _, f := range []domain.ApplicationFilter{{YouthID: youth}, {OrganisationIDs: []string{orgB}}} {
		if p, err := testDB.ApplicationsPage(ctx, f, domain.PageRequest{Number: 1, Size: 10}); err != nil || p.Total != 1 || p.Items[0].ID != a.ID {
			t.Errorf("applications of %+v: %+v, %v", f, p, err)
		}
	}
	if p, _ := testDB.ApplicationsPage(ctx, domain.ApplicationFilter{OrganisationIDs: []string{orgA}}, domain.PageRequest{Number: 1, Size: 10}); p.Total != 0 {
		t.Errorf("an organisation without applications has %+v", p)
	}
}

// A structure's followed youths are listed by first name from its shelf,
// without their guardian's address; a youth who changes structure moves
// from one list to the other, and a deleted profile leaves its list.
func TestFollowedYouthsMoveWithTheirStructure(t *testing.T) {
	ctx := context.Background()
	school, other := newID("shelf-school"), newID("shelf-school")
	zoe := domain.Youth{ID: newID("shelf-youth"), FirstName: "Zoé", StructureID: school, GuardianEmail: "parent@example.fr"}
	ali := domain.Youth{ID: newID("shelf-youth"), FirstName: "Ali", StructureID: school}
	if err := testDB.InsertYouths(ctx, []domain.Youth{zoe}); err != nil {
		t.Fatal(err)
	}
	if err := testDB.SaveYouth(ctx, ali); err != nil {
		t.Fatal(err)
	}
	first := domain.PageRequest{Number: 1, Size: 10}
	p, err := testDB.YouthsOfStructuresPage(ctx, []string{school}, first)
	if err != nil || p.Total != 2 || p.Items[0].ID != ali.ID || p.Items[1].ID != zoe.ID || p.Items[1].GuardianEmail != "" {
		t.Fatalf("the school's youths by first name: %+v, %v", p, err)
	}
	zoe.StructureID = other
	if err := testDB.SaveYouth(ctx, zoe); err != nil {
		t.Fatal(err)
	}
	if p, _ := testDB.YouthsOfStructuresPage(ctx, []string{school}, first); p.Total != 1 || p.Items[0].ID != ali.ID {
		t.Errorf("the school after Zoé left: %+v", p)
	}
	if p, _ := testDB.YouthsOfStructuresPage(ctx, []string{other}, first); p.Total != 1 || p.Items[0].ID != zoe.ID {
		t.Errorf("the structure Zoé joined: %+v", p)
	}
	if err := testDB.DeleteYouth(ctx, ali.ID); err != nil {
		t.Fatal(err)
	}
	if p, _ := testDB.YouthsOfStructuresPage(ctx, []string{school}, first); p.Total != 0 {
		t.Errorf("the school after Ali's profile was deleted: %+v", p)
	}
	at := time.Date(2026, 11, 4, 9, 0, 0, 0, time.UTC)
	for i := range 2 {
		a := domain.Application{ID: newID("shelf-application"), YouthID: zoe.ID, OrganisationID: "o", CreatedAt: at.Add(time.Duration(i) * time.Hour)}
		if err := testDB.InsertApplication(ctx, &a); err != nil {
			t.Fatal(err)
		}
	}
	if apps, err := testDB.ApplicationsOfYouths(ctx, []string{zoe.ID, ali.ID}); err != nil || len(apps) != 2 || !apps[0].CreatedAt.After(apps[1].CreatedAt) {
		t.Errorf("Zoé's applications, newest first: %+v, %v", apps, err)
	}
}
