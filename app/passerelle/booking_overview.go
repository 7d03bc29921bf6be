package passerelle

import (
	"context"
	"time"

	"passerelle/app/domain"
)

// BookingOverview is the staff's view of every group booking, with the
// counts that show how the visits are going.
type BookingOverview struct {
	Bookings []domain.Booking               // of the chosen status, or all, newest first
	ByStatus map[domain.BookingStatus]int   // every booking, per status
	Seats    int                            // seats held (confirmed, attended, no-show)
	Upcoming int                            // sessions yet to come with a confirmed booking
	Sessions map[string]domain.VisitSession // the session of each booking, by id
}

// BookingOverview returns all bookings to staff, of status when not empty,
// in two queries.
func (s *Service) BookingOverview(ctx context.Context, actor *domain.User, status domain.BookingStatus) (*BookingOverview, error) {
	if err := mustBeStaff(actor); err != nil {
		return nil, err
	}
	all, err := s.store.Bookings(ctx, domain.BookingFilter{NewestFirst: true})
	if err != nil {
		return nil, err
	}
	sessions, err := s.store.SessionsOfOffers(ctx, bookedOffers(all))
	if err != nil {
		return nil, err
	}
	ov := &BookingOverview{ByStatus: map[domain.BookingStatus]int{}, Sessions: map[string]domain.VisitSession{}}
	for _, vs := range sessions {
		ov.Sessions[vs.ID] = vs
	}
	ov.count(all, s.now())
	ov.Bookings = ofStatus(all, status)
	return ov, nil
}

func (ov *BookingOverview) count(all []domain.Booking, now time.Time) {
	upcoming := map[string]bool{}
	for _, b := range all {
		ov.ByStatus[b.Status]++
		if b.Holds() {
			ov.Seats += b.Seats
		}
		if b.Status == domain.BookingConfirmed && ov.Sessions[b.SessionID].StartsAt.After(now) {
			upcoming[b.SessionID] = true
		}
	}
	ov.Upcoming = len(upcoming)
}

func bookedOffers(bookings []domain.Booking) []string {
	seen := map[string]bool{}
	ids := []string{} // an empty list, never null, for the $in query
	for _, b := range bookings {
		if !seen[b.OfferID] {
			seen[b.OfferID] = true
			ids = append(ids, b.OfferID)
		}
	}
	return ids
}

func ofStatus(bookings []domain.Booking, status domain.BookingStatus) []domain.Booking {
	if status == "" {
		return bookings
	}
	var out []domain.Booking
	for _, b := range bookings {
		if b.Status == status {
			out = append(out, b)
		}
	}
	return out
}
