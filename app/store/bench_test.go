package store_test

import (
	"context"
	"fmt"
	"testing"

	"passerelle/app/domain"
	"passerelle/app/store"
	"passerelle/app/store/storetest"
)

// Collection sizes to measure at: FerretDB reads whole collections, so the
// cost of a lookup grows with the number of documents.
var benchSizes = []int{100, 1_000, 10_000}

func BenchmarkFindByID(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(fmt.Sprintf("offers=%d", size), func(b *testing.B) {
			db := storetest.Open(b)
			insertOffers(b, db, size)
			ctx := context.Background()
			for i := 0; b.Loop(); i++ {
				if _, err := db.OfferByID(ctx, fmt.Sprintf("offer-%d", i%size)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkTakeSeats(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(fmt.Sprintf("sessions=%d", size), func(b *testing.B) {
			db := storetest.Open(b)
			insertSessions(b, db, size)
			ctx := context.Background()
			for i := 0; b.Loop(); i++ {
				hold := domain.SeatHold{BookingID: fmt.Sprintf("booking-%d", i), Seats: 1}
				if _, err := db.TakeSeats(ctx, fmt.Sprintf("session-%d", i%size), hold); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func insertOffers(b *testing.B, db *store.DB, n int) {
	offers := make([]domain.Offer, n)
	for i := range offers {
		offers[i] = domain.Offer{ID: fmt.Sprintf("offer-%d", i), Title: "Apprenti cuisinier", Status: domain.OfferPublished,
			Description: "Brigade de 12 personnes, service du midi, formation au CFA de Gennevilliers."}
	}
	if err := db.InsertOffers(context.Background(), offers); err != nil {
		b.Fatal(err)
	}
}

func insertSessions(b *testing.B, db *store.DB, n int) {
	sessions := make([]domain.VisitSession, n)
	for i := range sessions {
		sessions[i] = domain.VisitSession{ID: fmt.Sprintf("session-%d", i), OfferID: "visit",
			Capacity: 1 << 30, StartsAt: day(i % 60)}
		sessions[i].OpenAllSeats()
	}
	if err := db.InsertSessions(context.Background(), sessions); err != nil {
		b.Fatal(err)
	}
}
