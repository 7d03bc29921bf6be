package web

import (
	"crypto/rand"
	"net/url"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
	"passerelle/app/passerelle"
)

// bookPage shows a session and the form that books places for a group.
func (s *Server) bookPage(c *fiber.Ctx) error {
	// The request key makes a resubmitted form book once.
	return s.showBookForm(c, url.Values{"request_key": {rand.Text()}, "adults": {"2"}}, fiber.Map{})
}

func (s *Server) showBookForm(c *fiber.Ctx, form url.Values, data fiber.Map) error {
	vs, o, err := s.deps.Passerelle.SessionToBook(c.UserContext(), c.Params("id"))
	if err != nil {
		return err
	}
	structures, err := s.deps.People.OrganisationsByIDs(c.UserContext(), currentUser(c).OrganisationIDs)
	if err != nil {
		return err
	}
	data["Title"], data["Session"], data["Offer"], data["Structures"], data["Form"] =
		s.localizer(c).T("passerelle.book.title"), vs, o, structures, form
	return s.render(c, "passerelle_book", data)
}

func (s *Server) bookForm(c *fiber.Ctx) error {
	form := formValues(c)
	in, err := bookingInputFrom(form, c.Params("id"))
	if err == nil {
		var b *domain.Booking
		if b, err = s.deps.Passerelle.Book(c.UserContext(), currentUser(c), in); err == nil {
			// The list opens on its first page, where the new booking is, newest first.
			s.flash(c, "booking_"+string(b.Status))
			return c.Redirect("/etablissements/reservations", fiber.StatusSeeOther)
		}
	}
	data := fiber.Map{}
	if !failed(c, data, err) {
		return err
	}
	return s.showBookForm(c, form, data)
}

// myBookings lists a counsellor's bookings, newest first, each with its
// visit, company, date and place, with the calendar and cancellation.
func (s *Server) myBookings(c *fiber.Ctx) error {
	bookings, p, err := readPage(c, listAt{path: "/etablissements/reservations"}, func(r domain.PageRequest) (domain.Page[passerelle.BookingLine], error) {
		return s.deps.Passerelle.BookingLinesPageFor(c.UserContext(), currentUser(c), r)
	})
	if err != nil {
		return err
	}
	return s.render(c, "passerelle_bookings", fiber.Map{"Title": s.localizer(c).T("passerelle.bookings.mine"), "Bookings": bookings, "Pager": p})
}

// visitSessions lists the sessions of a published visit, each with its
// booking link for counsellors.
func (s *Server) visitSessions(c *fiber.Ctx) error {
	o, sessions, err := s.deps.Passerelle.OfferSessions(c.UserContext(), currentUser(c), c.Params("id"))
	if err != nil {
		return err
	}
	return s.render(c, "passerelle_sessions", fiber.Map{"Title": s.localizer(c).T("passerelle.sessions"), "Offer": o, "Sessions": sessions})
}
