package web

import (
	"github.com/gofiber/fiber/v2"

	"passerelle/app/domain"
)

// export serves offers, bookings or applications (what the user may see) as
// CSV or XLSX.
func (s *Server) export(c *fiber.Ctx) error {
	t, err := s.exportTable(c)
	if err != nil {
		return err
	}
	return sendTable(c, t.name, c.Params("format"), append([][]string{t.headers}, t.rows...))
}

func (s *Server) exportTable(c *fiber.Ctx) (table, error) {
	ctx, u, l := c.UserContext(), currentUser(c), s.localizer(c)
	switch c.Params("what") {
	case "offres":
		offers, err := s.deps.Passerelle.OffersFor(ctx, u)
		return offersTable(l, offers), err
	case "reservations":
		bookings, err := s.deps.Passerelle.BookingsFor(ctx, u)
		return bookingsTable(l, bookings), err
	case "candidatures":
		apps, err := s.deps.Passerelle.ApplicationsFor(ctx, u)
		return applicationsTable(l, apps), err
	}
	return table{}, &domain.Error{Code: domain.ENOTFOUND, Message: "error.not_found"}
}
