package passerelle

import (
	"context"
	"time"

	"passerelle/app/domain"
	"passerelle/app/readmodel"
)

// OfferStore is what offers and their moderation read and write.
type OfferStore interface {
	OfferByID(ctx context.Context, id string) (*domain.Offer, error)
	OrganisationByID(ctx context.Context, id string) (*domain.Organisation, error)
	InsertOffer(ctx context.Context, o *domain.Offer) error
	ReplaceOfferContent(ctx context.Context, o *domain.Offer, status domain.OfferStatus, oldPlaces int) (bool, error)
	MoveOffer(ctx context.Context, id string, from []domain.OfferStatus, to domain.OfferStatus, change domain.OfferChange) (bool, error)
	PublishedOffersEndedBefore(ctx context.Context, t time.Time) ([]domain.Offer, error)
	ExpireOffers(ctx context.Context, ids []string, at time.Time) (int, error)
	AppendAudit(ctx context.Context, e domain.AuditEvent) error
	Offers(ctx context.Context, f domain.OfferFilter) ([]domain.Offer, error)
	OffersPage(ctx context.Context, f domain.OfferFilter, r domain.PageRequest) (domain.Page[domain.Offer], error)
	SessionsOfOffers(ctx context.Context, offerIDs []string) ([]domain.VisitSession, error)
	SessionsPage(ctx context.Context, offerID string, r domain.PageRequest) (domain.Page[domain.VisitSession], error)
}

// BookingStore is what visit sessions and group bookings read and write.
type BookingStore interface {
	SessionByID(ctx context.Context, id string) (*domain.VisitSession, error)
	InsertSession(ctx context.Context, s *domain.VisitSession) error
	InsertBooking(ctx context.Context, b *domain.Booking) error
	BookingByID(ctx context.Context, id string) (*domain.Booking, error)
	Bookings(ctx context.Context, f domain.BookingFilter) ([]domain.Booking, error)
	BookingsPage(ctx context.Context, f domain.BookingFilter, r domain.PageRequest) (domain.Page[domain.Booking], error)
	BookingTallies(ctx context.Context) ([]domain.BookingTally, error)
	UpcomingBookedSessions(ctx context.Context, now time.Time) (int, error)
	MoveBooking(ctx context.Context, id string, from []domain.BookingStatus, to domain.BookingStatus, change domain.BookingChange) (bool, error)
	TakeSeats(ctx context.Context, sessionID string, h domain.SeatHold) (bool, error)
	ReleaseSeats(ctx context.Context, sessionID string, h domain.SeatHold) error
	SessionsStartingFrom(ctx context.Context, from time.Time) ([]domain.VisitSession, error)
	BookingsOfSessions(ctx context.Context, sessionIDs []string) ([]domain.Booking, error)
	Atomically(ctx context.Context, fn func(ctx context.Context) error) error
}

// ApplicationStore is what applications read and write.
type ApplicationStore interface {
	YouthByID(ctx context.Context, id string) (*domain.Youth, error)
	InsertApplication(ctx context.Context, a *domain.Application) error
	ApplicationByID(ctx context.Context, id string) (*domain.Application, error)
	MoveApplication(ctx context.Context, id string, from []domain.ApplicationStatus, to domain.ApplicationStatus, at time.Time) (bool, error)
	ExtendApplication(ctx context.Context, id string, from []domain.ApplicationStatus, until time.Time) (bool, error)
	ApplicationsDue(ctx context.Context, statuses []domain.ApplicationStatus, t time.Time) ([]domain.Application, error)
	TakePlace(ctx context.Context, offerID, applicationID string) (bool, error)
	ReleasePlace(ctx context.Context, offerID, applicationID string) error
	PutFile(ctx context.Context, id, name string, data []byte) error
	DeleteFile(ctx context.Context, id string) error
	ReadFile(ctx context.Context, id string) ([]byte, error)
	Applications(ctx context.Context, f domain.ApplicationFilter) ([]domain.Application, error)
	ApplicationsPage(ctx context.Context, f domain.ApplicationFilter, r domain.PageRequest) (domain.Page[domain.Application], error)
	InsertApplicationMessage(ctx context.Context, m *domain.ApplicationMessage) error
	ApplicationMessages(ctx context.Context, applicationID string) ([]domain.ApplicationMessage, error)
	ApplicationMessagesPage(ctx context.Context, applicationID string, r domain.PageRequest) (domain.Page[domain.ApplicationMessage], error)
	OrganisationMembers(ctx context.Context, orgID string) ([]domain.User, error)
	OffersByIDs(ctx context.Context, ids []string) ([]domain.Offer, error)
	MembersOf(ctx context.Context, orgIDs []string) ([]domain.User, error)
}

// Store is everything the service needs of the database.
type Store interface {
	OfferStore
	BookingStore
	ApplicationStore
	FavouriteStore
	FollowedYouthStore
	SavedSearchStore
	PrivacyStore
	readmodel.Changes // what the kept offers and organisations follow
}
