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
	ov, err := s.deps.Passerelle.BookingOverview(c.UserContext(), currentUser(c), status)
	if err != nil {
		return err
	}
	var p pager
	if ov.Bookings, p, err = pageOf(c, ov.Bookings, listAt{path: "/agents/reservations"}); err != nil {
		return err
	}
	data["Pager"] = p
	data["Overview"] = ov
	return s.render(c, "passerelle_staff_bookings", data)
}
