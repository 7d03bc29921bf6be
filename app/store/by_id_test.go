package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"passerelle/app/domain"
)

// The store queries of the signed-in spaces (a youth's favourites and saved
// searches, the offer page's favourite flag, a counsellor's followed youths
// and bookings, an employer's offers and applications received, a youth's
// applications, the moderation queue) and the writes that keep their lists filter on _id alone:
// the embedded database decodes the whole collection for any other filter,
// which a round-trip budget does not show.
func TestSpacesQueriesFilterOnIDAlone(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 11, 5, 9, 0, 0, 0, time.UTC)
	youth, school, org, counsellor := newID("byid-youth"), newID("byid-school"), newID("byid-org"), newID("byid-counsellor")
	if err := testDB.SaveYouth(ctx, domain.Youth{ID: youth, FirstName: "Inès", StructureID: school, ShareApplications: true}); err != nil {
		t.Fatal(err)
	}
	offer := domain.Offer{ID: newID("byid-offer"), OrganisationID: org, Title: "Visite", Status: domain.OfferPublished, CreatedAt: at}
	if err := testDB.InsertOffer(ctx, &offer); err != nil {
		t.Fatal(err)
	}
	a := domain.Application{ID: newID("byid-application"), OfferID: offer.ID, OrganisationID: org, YouthID: youth, CreatedAt: at}
	if err := testDB.InsertApplication(ctx, &a); err != nil {
		t.Fatal(err)
	}
	b := domain.Booking{ID: newID("byid-booking"), CounsellorID: counsellor, SessionID: "s", OfferID: offer.ID, CreatedAt: at}
	if err := testDB.InsertBooking(ctx, &b); err != nil {
		t.Fatal(err)
	}

	db, filters := testDB.WithFilterLog(t)
	search := domain.SavedSearch{ID: domain.SavedSearchID(youth, 1), YouthID: youth, Query: "q=visite", CreatedAt: at}
	page := domain.PageRequest{Number: 1, Size: 20}
	for _, step := range []struct {
		what string
		run  func() error
	}{
		{"save a favourite", func() error { return db.SaveFavourite(ctx, favourite(youth, offer.ID, at)) }},
		{"save a search", func() error { return db.InsertSavedSearch(ctx, search) }},
		{"follow it in the digest", func() error { return db.SetSavedSearchDigest(ctx, youth, search.ID, true) }},
		{"the favourites", func() error {
			p, err := db.FavouritesOfYouthPage(ctx, youth, page)
			return want(p.Total == 1, err, "one favourite: %+v", p)
		}},
		{"is it a favourite", func() error {
			on, err := db.IsFavourite(ctx, youth, offer.ID)
			return want(on, err, "a favourite")
		}},
		{"the saved searches", func() error {
			kept, err := db.SavedSearchesOfYouth(ctx, youth)
			return want(len(kept) == 1 && kept[0].Digest, err, "one search followed: %+v", kept)
		}},
		{"the followed youths", func() error {
			p, err := db.YouthsOfStructuresPage(ctx, []string{school}, page)
			return want(p.Total == 1, err, "one youth: %+v", p)
		}},
		{"their shared applications", func() error {
			apps, err := db.ApplicationsOfYouths(ctx, []string{youth})
			return want(len(apps) == 1, err, "one application: %+v", apps)
		}},
		{"the counsellor's bookings", func() error {
			p, err := db.BookingsPage(ctx, domain.BookingFilter{CounsellorID: counsellor, NewestFirst: true}, page)
			return want(p.Total == 1, err, "one booking: %+v", p)
		}},
		{"the youth's applications", func() error {
			p, err := db.ApplicationsPage(ctx, domain.ApplicationFilter{YouthID: youth}, page)
			return want(p.Total == 1, err, "one application: %+v", p)
		}},
		{"the employer's offers", func() error {
			p, err := db.OffersPage(ctx, domain.OfferFilter{OrganisationIDs: []string{org}}, page)
			return want(p.Total == 1, err, "one offer: %+v", p)
		}},
		{"the applications received", func() error {
			p, err := db.ApplicationsPage(ctx, domain.ApplicationFilter{OrganisationIDs: []string{org}}, page)
			return want(p.Total == 1, err, "one application: %+v", p)
		}},
		{"the moderation queue", func() error {
			_, err := db.OffersPage(ctx, domain.OfferFilter{Status: domain.OfferPending, OldestFirst: true}, page)
			return err
		}},
		{"remove the favourite", func() error { return db.DeleteFavourite(ctx, youth, offer.ID) }},
		{"delete the search", func() error { return db.DeleteSavedSearch(ctx, youth, search.ID) }},
	} {
		if err := step.run(); err != nil {
			t.Fatalf("%s: %v", step.what, err)
		}
		if bad := filters.NotByID(); len(bad) > 0 {
			t.Errorf("%s reads more than _id: %q", step.what, bad)
		}
	}
}

// want is err, or an error saying what was wanted when ok is false.
func want(ok bool, err error, format string, args ...any) error {
	if err == nil && !ok {
		return fmt.Errorf("want "+format, args...)
	}
	return err
}

// TestTheModerationQueueFollowsTheOffersStatus: the queue lists the pending
// offers, oldest first, whichever way they became pending (inserted,
// submitted, edited back) and drops them as they leave (published,
// rejected).
func TestTheModerationQueueFollowsTheOffersStatus(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 11, 5, 9, 0, 0, 0, time.UTC)
	offer := func(name string, status domain.OfferStatus, age int) domain.Offer {
		return domain.Offer{ID: newID("queue-" + name), OrganisationID: newID("queue-org"), Title: name, Status: status,
			Places: 1, PlacesLeft: 1, CreatedAt: at.Add(time.Duration(age) * time.Hour)}
	}
	first, second, draft := offer("first", domain.OfferPending, 0), offer("second", domain.OfferPending, 1), offer("draft", domain.OfferDraft, 2)
	if err := testDB.InsertOffers(ctx, []domain.Offer{second, first}); err != nil {
		t.Fatal(err)
	}
	if err := testDB.InsertOffer(ctx, &draft); err != nil {
		t.Fatal(err)
	}
	queue := func(want ...domain.Offer) {
		t.Helper()
		p, err := testDB.OffersPage(ctx, domain.OfferFilter{Status: domain.OfferPending, OldestFirst: true},
			domain.PageRequest{Number: 1, Size: 10000})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, o := range p.Items {
			if slices.Contains([]string{first.ID, second.ID, draft.ID}, o.ID) {
				got = append(got, o.Title)
			}
		}
		var titles []string
		for _, o := range want {
			titles = append(titles, o.Title)
		}
		if !slices.Equal(got, titles) {
			t.Errorf("the queue holds %v, want %v", got, titles)
		}
	}
	queue(first, second)
	move := func(o domain.Offer, to domain.OfferStatus) {
		t.Helper()
		if moved, err := testDB.MoveOffer(ctx, o.ID, domain.OfferStatusesBefore(to), to, domain.OfferChange{At: at}); err != nil || !moved {
			t.Fatalf("move %s to %s: %v %v", o.Title, to, moved, err)
		}
	}
	move(draft, domain.OfferPending)
	queue(first, second, draft)
	move(first, domain.OfferPublished)
	move(second, domain.OfferRejected)
	queue(draft)
	second.Status = domain.OfferPending // edited after its refusal, it goes back to the queue
	if replaced, err := testDB.ReplaceOfferContent(ctx, &second, domain.OfferRejected, second.Places); err != nil || !replaced {
		t.Fatalf("edit: %v %v", replaced, err)
	}
	queue(second, draft)

	// saved before the queue was a shelf: the migration shelves the pending ones only
	older, published := offer("older", domain.OfferPending, -1), offer("published", domain.OfferPublished, -2)
	if err := testDB.InsertUnshelved(ctx, "offers", older, published); err != nil {
		t.Fatal(err)
	}
	first, draft = older, published // queue() looks for these ids
	queue(second)
	if err := testDB.ApplyMigration(ctx, "0118_offers_awaiting_moderation_shelf"); err != nil {
		t.Fatal(err)
	}
	queue(older, second)
}
