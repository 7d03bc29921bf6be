package web

import (
	"context"
	"time"

	"passerelle/app/domain"
)

// Store is what the pages read from the database.
type Store interface {
	LatestPublishedOffers(ctx context.Context, limit int) ([]domain.Offer, error)
	OfferByID(ctx context.Context, id string) (*domain.Offer, error)
	UpcomingSessions(ctx context.Context, from time.Time, limit int) ([]domain.SessionWithOffer, error)
	OpenCalls(ctx context.Context, now time.Time) ([]domain.Call, error)
	Counts(ctx context.Context, now time.Time) (domain.Counts, error)
	CountOffers(ctx context.Context, status domain.OfferStatus) (int, error)
}

// Check is one readiness probe (database, search, mail).
type Check struct {
	Name  string
	Check func(ctx context.Context) error
}
