package store_test

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"passerelle/app/domain"
	"passerelle/app/store"
)

// counsellorsBookings returns n bookings of one counsellor on one session,
// a minute apart, the newest last.
func counsellorsBookings(counsellor, session string, n int) []domain.Booking {
	at := time.Date(2026, 11, 5, 9, 0, 0, 0, time.UTC)
	bookings := make([]domain.Booking, n)
	for i := range bookings {
		bookings[i] = domain.Booking{ID: newID("chunk-booking") + ".key$1", CounsellorID: counsellor, SessionID: session,
			OfferID: "o", Status: domain.BookingConfirmed, CreatedAt: at.Add(time.Duration(i) * time.Minute)}
	}
	return bookings
}

// wantShelf fails unless the counsellor's list holds exactly the bookings,
// newest first, read in pages across the shelf's chunks, and every document
// of the shelf holds at most a chunk's items.
func wantShelf(t *testing.T, counsellor string, bookings []domain.Booking) {
	t.Helper()
	ctx := context.Background()
	want := make([]string, len(bookings))
	for i, b := range bookings {
		want[i] = b.ID
	}
	slices.Reverse(want) // newest first
	mine := domain.BookingFilter{CounsellorID: counsellor, NewestFirst: true}
	var got []string
	for page := 1; ; page++ {
		p, err := testDB.BookingsPage(ctx, mine, domain.PageRequest{Number: page, Size: 100})
		if err != nil || p.Total != len(bookings) {
			t.Fatalf("page %d of %d bookings: total %d, %v", page, len(bookings), p.Total, err)
		}
		if len(p.Items) == 0 {
			break
		}
		for _, b := range p.Items {
			got = append(got, b.ID)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("the counsellor's %d bookings, newest first, read %d in another order", len(want), len(got))
	}
	sizes, err := testDB.CounsellorShelfSizes(ctx, counsellor)
	if err != nil {
		t.Fatal(err)
	}
	for k, n := range sizes {
		if n > store.ShelfChunk {
			t.Errorf("shelf document %d holds %d items, over %d: %v", k, n, store.ShelfChunk, sizes)
		}
	}
	if len(bookings) > store.ShelfChunk && len(sizes) < 2 {
		t.Errorf("%d items in one document", len(bookings))
	}
}

// A shelf past a chunk's items goes on in chunk documents, each bounded,
// filled by batches and by single inserts alike; the list reads them all in
// its order, in pages across chunks, and the session's shelf oldest first;
// shelving again an item of an earlier chunk lists it once.
func TestAShelfOverSeveralChunks(t *testing.T) {
	ctx := context.Background()
	counsellor, session := newID("chunk-counsellor"), newID("chunk-session")
	bookings := counsellorsBookings(counsellor, session, 2*store.ShelfChunk+50)
	batch, single := bookings[:store.ShelfChunk+30], bookings[store.ShelfChunk+30:]
	if err := testDB.InsertBookings(ctx, batch); err != nil {
		t.Fatal(err)
	}
	for i := range single {
		if err := testDB.InsertBooking(ctx, &single[i]); err != nil {
			t.Fatal(err)
		}
	}
	wantShelf(t, counsellor, bookings)
	again := bookings[3]
	if err := testDB.InsertBooking(ctx, &again); domain.ErrorCode(err) != domain.ECONFLICT {
		t.Fatalf("a retried insert: %v", err)
	}
	wantShelf(t, counsellor, bookings)
	ofSession, err := testDB.Bookings(ctx, domain.BookingFilter{SessionID: session})
	if err != nil || len(ofSession) != len(bookings) || ofSession[0].ID != bookings[0].ID || ofSession[len(bookings)-1].ID != bookings[len(bookings)-1].ID {
		t.Errorf("the session's %d bookings, oldest first: %d, %v", len(bookings), len(ofSession), err)
	}
}

// Concurrent bookings of one counsellor lose no item from the shelf, past
// a chunk's end, and no document outgrows a chunk.
func TestConcurrentShelvingLosesNoItem(t *testing.T) {
	ctx := context.Background()
	counsellor := newID("chunk-counsellor")
	bookings := counsellorsBookings(counsellor, newID("chunk-session"), store.ShelfChunk+10)
	var wg sync.WaitGroup
	for i := range bookings {
		wg.Go(func() {
			if err := testDB.InsertBooking(ctx, &bookings[i]); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	wantShelf(t, counsellor, bookings)
}

// A shelf saved as one document before chunks is cut by the migration, and
// lists the same items; applying it again changes nothing; the shelf then
// goes on in its last chunk.
func TestOneDocumentShelvesAreCutIntoChunks(t *testing.T) {
	ctx := context.Background()
	counsellor, session := newID("chunk-counsellor"), newID("chunk-session")
	bookings := counsellorsBookings(counsellor, session, 3*store.ShelfChunk+5)
	if err := testDB.ShelveAsOneDocument(ctx, counsellor, bookings[:3*store.ShelfChunk]); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := testDB.SplitShelves(ctx); err != nil {
			t.Fatal(err)
		}
		wantShelf(t, counsellor, bookings[:3*store.ShelfChunk])
	}
	for i := 3 * store.ShelfChunk; i < len(bookings); i++ {
		if err := testDB.InsertBooking(ctx, &bookings[i]); err != nil {
			t.Fatal(err)
		}
	}
	wantShelf(t, counsellor, bookings)
}

// A youth taken off a structure's shelf over several chunks leaves every
// chunk; one renamed is listed once, under the new name.
func TestUnshelvingAcrossChunks(t *testing.T) {
	ctx := context.Background()
	school, other := newID("chunk-school"), newID("chunk-school")
	youths := make([]domain.Youth, store.ShelfChunk+20)
	for i := range youths {
		youths[i] = domain.Youth{ID: newID("chunk-youth"), FirstName: "Camille", StructureID: school}
	}
	if err := testDB.InsertYouths(ctx, youths); err != nil {
		t.Fatal(err)
	}
	first, last := youths[0], youths[len(youths)-1] // in the head, in the chunk after
	last.FirstName = "Aaron"
	if err := testDB.SaveYouth(ctx, last); err != nil {
		t.Fatal(err)
	}
	first.FirstName = "Abel" // shelved again in the last chunk: that copy is read
	if err := testDB.SaveYouth(ctx, first); err != nil {
		t.Fatal(err)
	}
	all := domain.PageRequest{Number: 1, Size: 1000}
	p, err := testDB.YouthsOfStructuresPage(ctx, []string{school}, all)
	if err != nil || p.Total != len(youths) || p.Items[0].ID != last.ID || p.Items[1].ID != first.ID {
		t.Fatalf("the school's %d youths, Aaron then Abel first: total %d, %v", len(youths), p.Total, err)
	}
	for _, y := range []domain.Youth{first, last} {
		y.StructureID = other
		if err := testDB.SaveYouth(ctx, y); err != nil {
			t.Fatal(err)
		}
	}
	p, err = testDB.YouthsOfStructuresPage(ctx, []string{school}, all)
	if err != nil || p.Total != len(youths)-2 || slices.ContainsFunc(p.Items, func(y domain.Youth) bool { return y.ID == first.ID || y.ID == last.ID }) {
		t.Errorf("the school after Aaron and Abel left: total %d, %v", p.Total, err)
	}
	if p, _ := testDB.YouthsOfStructuresPage(ctx, []string{other}, all); p.Total != 2 || p.Items[0].ID != last.ID {
		t.Errorf("the structure they joined: %+v", p)
	}
}
