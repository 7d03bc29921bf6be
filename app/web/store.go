package web

import (
	"context"
	"time"

	"passerelle/app/domain"
	"passerelle/app/readmodel"
)

// Store is what the pages read from the database, and what tells the read
// models that it changed.
type Store interface {
	readmodel.Changes
	LatestPublishedOffers(ctx context.Context, limit int) ([]domain.Offer, error)
	OfferByID(ctx context.Context, id string) (*domain.Offer, error)
	UpcomingSessions(ctx context.Context, from time.Time, limit int) ([]domain.SessionWithOffer, error)
	OpenCalls(ctx context.Context, now time.Time) ([]domain.Call, error)
	Counts(ctx context.Context, now time.Time) (domain.Counts, error)
	// ObservatoryFacts and AllOffers feed the observatory and its open data.
	ObservatoryFacts(ctx context.Context) (domain.ObservatoryFacts, error)
	AllOffers(ctx context.Context) ([]domain.Offer, error)
}

// Check is one readiness probe (database, search, mail).
type Check struct {
	Name  string
	Check func(ctx context.Context) error
}
