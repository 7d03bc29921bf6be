package web

import (
	"slices"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
)

// bookingFilters are the statuses staff may list bookings by (a requested
// booking is never saved).
var bookingFilters = []domain.BookingStatus{domain.BookingConfirmed, domain.BookingWaitlisted,
	domain.BookingCancelled, domain.BookingAttended, domain.BookingNoShow}

// staffBookings lists every group booking, of the status asked, with counts.
func (s *Server) staffBookings(c *fiber.Ctx) error {
	status := domain.BookingStatus(c.Query("status"))
	data := fiber.Map{"Title": s.localizer(c).T("passerelle.staff_bookings.title"), "Statuses": bookingFilters, "Status": status}
	if status != "" && !slices.Contains(bookingFilters, status) {
		failed(c, data, domain.FieldError("status", "error.booking.status_unknown"))
		status = ""
	}
	at := listAt{path: "/agents/reservations"}
	r, err := listPage(c, at)
	if err != nil {
		return err
	}
	ov, err := s.deps.Passerelle.BookingOverview(c.UserContext(), currentUser(c), status, r)
	if err != nil {
		return err
	}
	if data["Pager"], err = newPager(c, ov.Total, at); err != nil {
		return err
	}
	data["Overview"] = ov
	return s.render(c, "passerelle_staff_bookings", data)
}
