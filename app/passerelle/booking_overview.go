package passerelle

import (
	"context"

	"passerelle/app/domain"
)

// BookingOverview is the staff's view of the group bookings, a page at a
// time, with the counts that show how the visits are going.
type BookingOverview struct {
	Bookings []domain.Booking               // the page's, of the chosen status or all, newest first
	Total    int                            // bookings of the chosen status, or all
	ByStatus map[domain.BookingStatus]int   // every booking, per status
	Seats    int                            // seats held (confirmed, attended, no-show)
	Upcoming int                            // sessions yet to come with a confirmed booking
	Sessions map[string]domain.VisitSession // the session of each booking of the page, by id
}

// BookingOverview returns to staff one page of the bookings, of status when
// not empty, and the counts of them all, which the store computes.
func (s *Service) BookingOverview(ctx context.Context, actor *domain.User, status domain.BookingStatus, r domain.PageRequest) (*BookingOverview, error) {
	if err := mustBeStaff(actor); err != nil {
		return nil, err
	}
	page, err := s.store.BookingsPage(ctx, domain.BookingFilter{Status: status, NewestFirst: true}, r)
	if err != nil {
		return nil, err
	}
	ov := &BookingOverview{Bookings: page.Items, Total: page.Total, ByStatus: map[domain.BookingStatus]int{},
		Sessions: map[string]domain.VisitSession{}}
	sessions, err := s.store.SessionsOfOffers(ctx, bookedOffers(page.Items))
	if err != nil {
		return nil, err
	}
	for _, vs := range sessions {
		ov.Sessions[vs.ID] = vs
	}
	if err := s.count(ctx, ov); err != nil {
		return nil, err
	}
	return ov, nil
}

func (s *Service) count(ctx context.Context, ov *BookingOverview) error {
	tallies, err := s.store.BookingTallies(ctx)
	if err != nil {
		return err
	}
	for _, t := range tallies {
		ov.ByStatus[t.Status] = t.Bookings
		if t.Status.Holds() {
			ov.Seats += t.Seats
		}
	}
	ov.Upcoming, err = s.store.UpcomingBookedSessions(ctx, s.now())
	return err
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
