package passerelle

import (
	"context"
	"time"

	"passerelle/app/domain"
)

// PrivacyStore is what a person's data export and erasure read and write,
// beyond the other stores.
type PrivacyStore interface {
	MessagesOfApplications(ctx context.Context, ids []string) ([]domain.ApplicationMessage, error)
	DeleteMessagesOfApplications(ctx context.Context, ids []string) (int64, error)
	AnonymiseApplications(ctx context.Context, ids []string, label string) error
	FavouritesOfYouth(ctx context.Context, youthID string) ([]domain.Favourite, error)
	DeleteFavouritesOfYouth(ctx context.Context, youthID string) error
	DeleteYouthDiscoveries(ctx context.Context, youthID string) error
	VisitSessionsByIDs(ctx context.Context, ids []string) ([]domain.VisitSession, error)
	OrganisationsByIDs(ctx context.Context, ids []string) ([]domain.Organisation, error)
	RenameBookingsCounsellor(ctx context.Context, counsellorID, structureID, name string) error
}

// PersonalData is the programme's part of a person's data export: what
// they did as a youth (applications with their threads, favourites) and as
// a counsellor (group bookings). The CVs themselves are not copied: the
// youth sent them.
type PersonalData struct {
	Applications []ApplicationRecord `json:"applications"`
	Favourites   []FavouriteRecord   `json:"favourites"`
	Bookings     []BookingRecord     `json:"bookings"`
}

// ApplicationRecord is one application as its youth exports it.
type ApplicationRecord struct {
	OfferTitle   string                      `json:"offer_title"`
	Organisation string                      `json:"organisation"`
	Status       domain.ApplicationStatus    `json:"status"`
	SentAt       time.Time                   `json:"sent_at"`
	UpdatedAt    time.Time                   `json:"updated_at"`
	Message      string                      `json:"message"`
	CVAttached   bool                        `json:"cv_attached"`
	Messages     []domain.ApplicationMessage `json:"messages"`
}

// FavouriteRecord is one saved offer.
type FavouriteRecord struct {
	OfferTitle   string    `json:"offer_title"`
	Organisation string    `json:"organisation"`
	SavedAt      time.Time `json:"saved_at"`
}

// BookingRecord is one group booking of a counsellor.
type BookingRecord struct {
	OfferTitle   string               `json:"offer_title"`
	Organisation string               `json:"organisation"`
	SessionStart time.Time            `json:"session_starts_at"`
	Group        string               `json:"group"`
	GroupLevel   string               `json:"group_level"`
	Seats        int                  `json:"seats"`
	Adults       int                  `json:"adults"`
	Status       domain.BookingStatus `json:"status"`
}

// PrivacySection names the programme's part of the export.
const PrivacySection = "passerelle"

// held is what the programme holds about one person, read in three queries.
type held struct {
	applications []domain.Application
	favourites   []domain.Favourite
	bookings     []domain.Booking
}

func (s *Service) heldAbout(ctx context.Context, userID string) (h held, err error) {
	if h.applications, err = s.store.Applications(ctx, domain.ApplicationFilter{YouthID: userID}); err != nil {
		return h, err
	}
	if h.favourites, err = s.store.FavouritesOfYouth(ctx, userID); err != nil {
		return h, err
	}
	h.bookings, err = s.store.Bookings(ctx, domain.BookingFilter{CounsellorID: userID})
	return h, err
}

// PersonalData gathers the person's applications, favourites and bookings,
// whatever their roles now (a role may have been taken away since), in at
// most six queries.
func (s *Service) PersonalData(ctx context.Context, user *domain.User) (string, any, error) {
	h, err := s.heldAbout(ctx, user.ID)
	if err != nil {
		return "", nil, err
	}
	offers, err := s.offersOf(ctx, h)
	if err != nil {
		return "", nil, err
	}
	d := PersonalData{Favourites: favouriteRecords(h.favourites, offers)}
	if d.Applications, err = s.applicationRecords(ctx, h.applications, offers); err != nil {
		return "", nil, err
	}
	if d.Bookings, err = s.bookingRecords(ctx, h.bookings, offers); err != nil {
		return "", nil, err
	}
	return PrivacySection, d, nil
}

// offersOf reads, in one query, the offers that h refers to.
func (s *Service) offersOf(ctx context.Context, h held) (map[string]domain.Offer, error) {
	var ids []string
	for _, a := range h.applications {
		ids = append(ids, a.OfferID)
	}
	for _, f := range h.favourites {
		ids = append(ids, f.OfferID)
	}
	for _, b := range h.bookings {
		ids = append(ids, b.OfferID)
	}
	byID := map[string]domain.Offer{}
	if len(ids) == 0 {
		return byID, nil
	}
	offers, err := s.store.OffersByIDs(ctx, ids)
	for _, o := range offers {
		byID[o.ID] = o
	}
	return byID, err
}

func (s *Service) applicationRecords(ctx context.Context, apps []domain.Application, offers map[string]domain.Offer) ([]ApplicationRecord, error) {
	if len(apps) == 0 {
		return []ApplicationRecord{}, nil
	}
	msgs, err := s.store.MessagesOfApplications(ctx, domain.IDsOfApplications(apps))
	if err != nil {
		return nil, err
	}
	thread := map[string][]domain.ApplicationMessage{}
	for _, m := range msgs {
		thread[m.ApplicationID] = append(thread[m.ApplicationID], m)
	}
	records := make([]ApplicationRecord, len(apps))
	for i, a := range apps {
		records[i] = ApplicationRecord{OfferTitle: a.OfferTitle, Organisation: offers[a.OfferID].OrganisationName,
			Status: a.Status, SentAt: a.CreatedAt, UpdatedAt: a.UpdatedAt, Message: a.Message,
			CVAttached: a.CVFileID != "", Messages: thread[a.ID]}
	}
	return records, nil
}

func favouriteRecords(favs []domain.Favourite, offers map[string]domain.Offer) []FavouriteRecord {
	records := make([]FavouriteRecord, len(favs))
	for i, f := range favs {
		o := offers[f.OfferID]
		records[i] = FavouriteRecord{OfferTitle: o.Title, Organisation: o.OrganisationName, SavedAt: f.CreatedAt}
	}
	return records
}

func (s *Service) bookingRecords(ctx context.Context, bookings []domain.Booking, offers map[string]domain.Offer) ([]BookingRecord, error) {
	if len(bookings) == 0 {
		return []BookingRecord{}, nil
	}
	ids := make([]string, len(bookings))
	for i, b := range bookings {
		ids[i] = b.SessionID
	}
	sessions, err := s.store.VisitSessionsByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	starts := make(map[string]time.Time, len(sessions))
	for _, v := range sessions {
		starts[v.ID] = v.StartsAt
	}
	records := make([]BookingRecord, len(bookings))
	for i, b := range bookings {
		o := offers[b.OfferID]
		records[i] = BookingRecord{OfferTitle: o.Title, Organisation: o.OrganisationName, SessionStart: starts[b.SessionID],
			Group: b.GroupName, GroupLevel: b.GroupLevel, Seats: b.Seats, Adults: b.Adults, Status: b.Status}
	}
	return records, nil
}
